package io.tenken.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.checks.CloudFrontOrigins.Access;
import io.tenken.facts.CloudFrontOrigin;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudFrontOriginsTest {
    static CloudFrontOrigin origin(String id, String domain, String oac, String oai, boolean s3) {
        return CloudFrontOrigin.builder().id(id).domainName(domain).originAccessControlId(oac)
                .originAccessIdentity(oai).s3OriginConfig(s3).build();
    }

    @Test
    void classifiesS3RestAndWebsiteEndpoints() {
        for (String rest : List.of("b.s3.amazonaws.com", "b.s3.ap-northeast-1.amazonaws.com", "b.s3-us-west-2.amazonaws.com",
                "b.s3.dualstack.us-east-1.amazonaws.com", "b.s3.cn-north-1.amazonaws.com.cn")) {
            assertTrue(CloudFrontOrigins.isS3Origin(origin("o", rest, null, null, false)), rest);
            assertFalse(CloudFrontOrigins.isWebsiteEndpoint(rest), rest);
        }
        for (String site : List.of("b.s3-website-us-east-1.amazonaws.com", "b.s3-website.ap-northeast-1.amazonaws.com")) {
            assertTrue(CloudFrontOrigins.isWebsiteEndpoint(site), site);
        }
        assertFalse(CloudFrontOrigins.hasS3Origin(List.of(origin("api", "abc.execute-api.us-east-1.amazonaws.com", null, null, false),
                origin("alb", "app-123.ap-northeast-1.elb.amazonaws.com", null, null, false))));
    }

    @Test
    void accessPerOrigin() {
        var m = CloudFrontOrigins.s3Origins(List.of(
                origin("web", "web.s3.us-east-1.amazonaws.com", "E2OAC", null, true),
                origin("old", "old.s3.amazonaws.com", null, "origin-access-identity/cloudfront/E3", true),
                origin("open", "open.s3.amazonaws.com", null, null, true),
                origin("site", "site.s3-website-us-east-1.amazonaws.com", null, null, false),
                origin("api", "abc.execute-api.us-east-1.amazonaws.com", null, null, false)));
        assertEquals(List.of(Access.ORIGIN_ACCESS_CONTROL, Access.ORIGIN_ACCESS_IDENTITY, Access.PUBLIC_BUCKET,
                Access.WEBSITE_ENDPOINT), List.copyOf(m.values()));
    }
}
