package io.tenken.checks;

import io.tenken.facts.CloudFrontOrigin;
import io.tenken.findings.Message;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * cloudfront.origin-access: how each S3 origin of a distribution is reached. An origin is an S3
 * origin when it is configured as one (S3OriginConfig) or its domain is an S3 REST endpoint
 * ({@code bucket.s3.amazonaws.com}, {@code bucket.s3.REGION.amazonaws.com},
 * {@code bucket.s3-REGION.amazonaws.com}); an S3 website endpoint
 * ({@code bucket.s3-website-REGION.amazonaws.com}, {@code bucket.s3-website.REGION.amazonaws.com})
 * is a custom origin serving a public bucket. Other origins (API Gateway, load balancers) are not
 * S3 origins.
 */
public final class CloudFrontOrigins {
    private static final Pattern WEBSITE = Pattern.compile(".+\\.s3-website[.-][a-z0-9-]+\\.amazonaws\\.com(\\.cn)?\\.?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REST = Pattern.compile(
            ".+\\.s3(\\.dualstack)?([.-][a-z0-9-]+)?\\.amazonaws\\.com(\\.cn)?\\.?", Pattern.CASE_INSENSITIVE);

    private CloudFrontOrigins() {
    }

    /** How an S3 origin is reached. */
    public enum Access { ORIGIN_ACCESS_CONTROL, ORIGIN_ACCESS_IDENTITY, PUBLIC_BUCKET, WEBSITE_ENDPOINT }

    public static boolean isWebsiteEndpoint(String domain) {
        return domain != null && WEBSITE.matcher(domain.trim()).matches();
    }

    public static boolean isS3Origin(CloudFrontOrigin o) {
        String d = o.getDomainName() == null ? "" : o.getDomainName().trim();
        return isWebsiteEndpoint(d) || o.isS3OriginConfig() || REST.matcher(d).matches();
    }

    public static boolean hasS3Origin(List<CloudFrontOrigin> origins) {
        return origins != null && origins.stream().anyMatch(CloudFrontOrigins::isS3Origin);
    }

    /** cloudfront.origin-access: every S3 origin through OAC, none a website endpoint. */
    public static CheckResult originAccess(List<CloudFrontOrigin> origins) {
        List<Message> bad = new ArrayList<>();
        List<Message> good = new ArrayList<>();
        for (Map.Entry<String, Access> e : s3Origins(origins).entrySet()) {
            Message how = switch (e.getValue()) {
                case ORIGIN_ACCESS_CONTROL -> Message.of("CLOUDFRONT-02.oac");
                case ORIGIN_ACCESS_IDENTITY -> Message.of("CLOUDFRONT-02.oai");
                case PUBLIC_BUCKET -> Message.of("CLOUDFRONT-02.public");
                case WEBSITE_ENDPOINT -> Message.of("CLOUDFRONT-02.website");
            };
            (e.getValue() == Access.ORIGIN_ACCESS_CONTROL ? good : bad).add(Message.of("CLOUDFRONT-02.origin", e.getKey(), how));
        }
        Message expected = Message.of("CLOUDFRONT-02.expected");
        return bad.isEmpty() ? CheckResult.of(true, good, expected) : CheckResult.of(false, bad, expected);
    }

    /** Every S3 origin (by origin id, in configuration order) and how it is reached. */
    public static Map<String, Access> s3Origins(List<CloudFrontOrigin> origins) {
        Map<String, Access> out = new LinkedHashMap<>();
        for (CloudFrontOrigin o : origins == null ? List.<CloudFrontOrigin>of() : origins) {
            if (!isS3Origin(o)) {
                continue;
            }
            Access a = isWebsiteEndpoint(o.getDomainName()) ? Access.WEBSITE_ENDPOINT
                    : o.getOriginAccessControlId() != null ? Access.ORIGIN_ACCESS_CONTROL
                    : o.getOriginAccessIdentity() != null ? Access.ORIGIN_ACCESS_IDENTITY
                    : Access.PUBLIC_BUCKET;
            out.put(o.getId() + " (" + o.getDomainName() + ")", a);
        }
        return out;
    }
}
