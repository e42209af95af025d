package io.tenken.collect;

import io.tenken.facts.AclGrant;
import io.tenken.facts.AccountSettings;
import io.tenken.facts.Bucket;
import io.tenken.facts.Fallible;
import io.tenken.facts.LifecycleExpiration;
import io.tenken.facts.PublicAccessBlock;
import io.tenken.facts.Resource;
import io.tenken.checks.Describe;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/**
 * Every bucket (ListBuckets, which gives each bucket's region) with the settings the rules read,
 * through a client in the bucket's own region, and the account-level block public access
 * (s3control). Settings only some checks read are read only for the buckets those checks look
 * at ({@link Needed}). Missing configurations are facts (null), not errors.
 */
public final class S3Collector implements Collector {
    static final String ACCOUNT_PUBLIC_ACCESS_BLOCK = "s3control:GetPublicAccessBlock";

    /** The calls this collector makes and what each one's failure leaves unknown (see {@link Calls}). */
    public static final Calls CALLS = Calls.of("s3")
            .lists("ListBuckets", "s3:ListAllMyBuckets", Bucket.class)
            .fills("GetBucketLocation", "s3:GetBucketLocation", Bucket.class, Fallible.ALL_FIELDS)
            .fills("GetBucketEncryption", "s3:GetEncryptionConfiguration", Bucket.class,
                    "encryptionAlgorithm", "kmsKeyId", "bucketKeyEnabled")
            .fills("GetPublicAccessBlock", "s3:GetBucketPublicAccessBlock", Bucket.class, "publicAccessBlock")
            .fills("GetBucketPolicy", "s3:GetBucketPolicy", Bucket.class, "policyJson")
            .fills("GetBucketVersioning", "s3:GetBucketVersioning", Bucket.class, "versioning")
            .fills("GetObjectLockConfiguration", "s3:GetBucketObjectLockConfiguration", Bucket.class, "objectLockEnabled")
            .fills("GetBucketLifecycleConfiguration", "s3:GetLifecycleConfiguration", Bucket.class,
                    "lifecycleExpirationDays", "lifecycleExpirations")
            .fills("GetBucketLogging", "s3:GetBucketLogging", Bucket.class, "accessLogTargetBucket",
                    "accessLogTargetPrefix")
            .fills("GetBucketTagging", "s3:GetBucketTagging", Bucket.class, "tags")
            .fills("GetBucketOwnershipControls", "s3:GetBucketOwnershipControls", Bucket.class, "objectOwnership")
            .fills("GetBucketAcl", "s3:GetBucketAcl", Bucket.class, "ownerCanonicalId", "aclGrants")
            .fills(ACCOUNT_PUBLIC_ACCESS_BLOCK, "s3:GetAccountPublicAccessBlock", AccountSettings.class,
                    "s3PublicAccessBlock");

    @Override
    public Calls calls() {
        return CALLS;
    }

    @Override
    public String service() {
        return "s3";
    }

    @Override
    public List<String> units(List<String> scanRegions) {
        return List.of(Resource.GLOBAL);
    }

    @Override
    public void collect(ServiceRun run, String unit, FactSink sink) {
        accountPublicAccessBlock(run, sink);
        S3Client c = run.clients().s3(run.clients().globalRegion());
        List<software.amazon.awssdk.services.s3.model.Bucket> buckets = run.call(Resource.GLOBAL, "ListBuckets", null,
                () -> c.listBucketsPaginator(r -> r.maxBuckets(1000)).buckets().stream().toList());
        if (buckets == null) {
            return;
        }
        if (!run.clients().options().isBucketTags() && !run.clients().options().isEveryBucketRead()) {
            run.notRead("GetBucketTagging");
        }
        run.forEach(buckets, b -> bucket(run, b, sink));
    }

    private void accountPublicAccessBlock(ServiceRun run, FactSink sink) {
        String account = "arn:" + run.partition() + ":iam::" + run.accountId() + ":root";
        var o = run.callOrAbsent(Resource.GLOBAL, ACCOUNT_PUBLIC_ACCESS_BLOCK, account,
                () -> run.clients().s3control().getPublicAccessBlock(r -> r.accountId(run.accountId()))
                        .publicAccessBlockConfiguration(),
                "NoSuchPublicAccessBlockConfiguration");
        if (o.isOk() && o.value() != null) {
            var p = o.value();
            sink.accountPublicAccessBlock(PublicAccessBlock.builder()
                    .blockPublicAcls(Boolean.TRUE.equals(p.blockPublicAcls()))
                    .ignorePublicAcls(Boolean.TRUE.equals(p.ignorePublicAcls()))
                    .blockPublicPolicy(Boolean.TRUE.equals(p.blockPublicPolicy()))
                    .restrictPublicBuckets(Boolean.TRUE.equals(p.restrictPublicBuckets())).build());
        }
    }

    /**
     * Object ownership for every bucket (S3-08 reads it); the ACL only where ACLs are in effect,
     * for the public-grant checks (S3-09, CLOUDTRAIL-06): with BucketOwnerEnforced S3 ignores
     * ACLs, so reading them would cost a call per bucket and decide nothing.
     */
    private static void ownershipAndAcl(ServiceRun run, S3Client c, String rg, String name, String arn,
                                        Bucket.BucketBuilder b) {
        var ownership = run.callOrAbsent(rg, "GetBucketOwnershipControls", arn,
                () -> c.getBucketOwnershipControls(r -> r.bucket(name)).ownershipControls(),
                "OwnershipControlsNotFoundError");
        String objectOwnership = null;
        if (ownership.isOk() && ownership.value() != null && ownership.value().hasRules()
                && !ownership.value().rules().isEmpty()) {
            objectOwnership = ownership.value().rules().get(0).objectOwnershipAsString();
        }
        b.objectOwnership(objectOwnership);
        if ("BucketOwnerEnforced".equals(objectOwnership)) {
            return;
        }
        var acl = run.call(rg, "GetBucketAcl", arn, () -> c.getBucketAcl(r -> r.bucket(name)));
        if (acl == null) {
            return;
        }
        b.ownerCanonicalId(acl.owner() == null ? null : acl.owner().id());
        List<AclGrant> grants = new java.util.ArrayList<>();
        for (var g : acl.grants()) {
            var who = g.grantee();
            grants.add(AclGrant.builder().granteeType(who == null ? null : who.typeAsString())
                    .granteeId(who == null ? null : who.id()).granteeUri(who == null ? null : who.uri())
                    .granteeEmail(who == null ? null : who.emailAddress()).permission(g.permissionAsString()).build());
        }
        b.aclGrants(List.copyOf(grants));
    }

    static String normaliseRegion(String location) {
        if (location == null || location.isEmpty()) {
            return "us-east-1";
        }
        return "EU".equals(location) ? "eu-west-1" : location;
    }

    /**
     * Which buckets a per-bucket read is made for. A read earns its place by a rule that reads its
     * answer, and only for the buckets that rule looks at:
     * <ul>
     *   <li>{@code EVERY}: checks that apply to every bucket (encryption, block public access, TLS-only
     *       policy) or that find the buckets others look at (access-log targets);</li>
     *   <li>{@code LOG}: log buckets (S3-06, BEDROCK invocation-log protection): named as log buckets,
     *       access-log targets, CloudTrail and Bedrock invocation-log destinations;</li>
     *   <li>{@code CLOUDTRAIL}: buckets a trail delivers to (S3-07: versioning or Object Lock);</li>
     *   <li>{@code TAGS}: every bucket, but only when the policy classifies buckets by tag
     *       ({@link ScanOptions#isBucketTags()}); otherwise the snapshot records the read as not made.</li>
     * </ul>
     * LOG and CLOUDTRAIL buckets are known only once trails and Bedrock logging are collected, so
     * those reads run in {@link #followUp}. A new rule that needs a bucket setting adds one
     * {@link BucketRead} to {@link #READS} with the narrowest set that covers it.
     */
    enum Needed { EVERY, LOG, CLOUDTRAIL, TAGS }

    /** One per-bucket API call and the part of the {@link Bucket} fact it fills. */
    record BucketRead(String operation, Needed needed, Reader reader) {
    }

    @FunctionalInterface
    interface Reader {
        void read(ServiceRun run, S3Client c, String region, String name, String arn, Bucket.BucketBuilder b);
    }

    static final List<BucketRead> READS = List.of(
            new BucketRead("GetBucketEncryption", Needed.EVERY, S3Collector::encryption),
            new BucketRead("GetPublicAccessBlock", Needed.EVERY, S3Collector::publicAccessBlock),
            new BucketRead("GetBucketPolicy", Needed.EVERY, S3Collector::policy),
            new BucketRead("GetBucketLogging", Needed.EVERY, S3Collector::logging),
            new BucketRead("GetBucketTagging", Needed.TAGS, S3Collector::tags),
            // Object ownership, and the ACL unless ownership is enforced (S3-09, CLOUDTRAIL-06).
            new BucketRead("GetBucketOwnershipControls", Needed.EVERY, S3Collector::ownershipAndAcl),
            new BucketRead("GetBucketLifecycleConfiguration", Needed.LOG, S3Collector::lifecycle),
            new BucketRead("GetBucketVersioning", Needed.CLOUDTRAIL, S3Collector::versioning),
            new BucketRead("GetObjectLockConfiguration", Needed.CLOUDTRAIL, S3Collector::objectLock));

    private void bucket(ServiceRun run, software.amazon.awssdk.services.s3.model.Bucket listed, FactSink sink) {
        String name = listed.name();
        String arn = "arn:" + run.partition() + ":s3:::" + name;
        String region = listed.bucketRegion();
        if (region == null || region.isEmpty()) {
            String loc = run.call(Resource.GLOBAL, "GetBucketLocation", arn,
                    () -> run.clients().s3(run.clients().globalRegion())
                            .getBucketLocation(r -> r.bucket(name)).locationConstraintAsString());
            if (loc == null) {
                // Keep the bucket (region unknown): rules that ask "is this bucket ours?" must
                // see it, and its recorded error turns its own findings into ERROR.
                sink.buckets.add(Bucket.builder().name(name).arn(arn).build());
                return;
            }
            region = normaliseRegion(loc);
        }
        Bucket.BucketBuilder b = Bucket.builder().name(name).arn(arn).region(region);
        ScanOptions o = run.clients().options();
        Set<Needed> needed = o.isEveryBucketRead() ? EnumSet.allOf(Needed.class) : EnumSet.of(Needed.EVERY);
        if (o.isBucketTags()) {
            needed.add(Needed.TAGS);
        }
        read(run, b, region, name, arn, needed);
        sink.buckets.add(b.build());
    }

    private static void read(ServiceRun run, Bucket.BucketBuilder b, String region, String name, String arn,
                             Set<Needed> needed) {
        S3Client c = run.clients().s3(region);
        for (BucketRead r : READS) {
            if (needed.contains(r.needed())) {
                r.reader().read(run, c, region, name, arn, b);
            }
        }
    }

    /**
     * After every collector has run: the reads only some buckets need, for the buckets trails,
     * Bedrock logging and access logging point at. A bucket whose region is unknown already
     * carries an error.
     */
    @Override
    public void followUp(ServiceRun run, FactSink sink) {
        if (run.clients().options().isEveryBucketRead()) {
            return;
        }
        Set<String> trailBuckets = new TreeSet<>();
        sink.trails.forEach(t -> addIfSet(trailBuckets, t.getS3BucketName()));
        Set<String> logBuckets = new TreeSet<>(trailBuckets);
        sink.bedrockLogging.forEach(c -> addIfSet(logBuckets, c.getS3BucketName()));
        List<Bucket> all = List.copyOf(sink.buckets);
        for (Bucket b : all) {
            addIfSet(logBuckets, b.getAccessLogTargetBucket());
            if (Describe.namedAsLogBucket(b.getName())) {
                logBuckets.add(b.getName());
            }
        }
        List<Bucket> todo = all.stream().filter(b -> b.getRegion() != null
                && (logBuckets.contains(b.getName()) || trailBuckets.contains(b.getName()))).toList();
        run.forEach(todo, b -> {
            Set<Needed> needed = EnumSet.noneOf(Needed.class);
            if (logBuckets.contains(b.getName())) {
                needed.add(Needed.LOG);
            }
            if (trailBuckets.contains(b.getName())) {
                needed.add(Needed.CLOUDTRAIL);
            }
            Bucket.BucketBuilder more = b.toBuilder();
            read(run, more, b.getRegion(), b.getName(), b.getResourceId(), needed);
            sink.buckets.remove(b);
            sink.buckets.add(more.build());
        });
    }

    private static void addIfSet(Set<String> names, String name) {
        if (name != null && !name.isEmpty()) {
            names.add(name);
        }
    }

    private static void encryption(ServiceRun run, S3Client c, String rg, String name, String arn,
                                   Bucket.BucketBuilder b) {
        var enc = run.callOrAbsent(rg, "GetBucketEncryption", arn,
                () -> c.getBucketEncryption(r -> r.bucket(name)).serverSideEncryptionConfiguration(),
                "ServerSideEncryptionConfigurationNotFoundError");
        if (enc.isOk() && enc.value() != null && enc.value().hasRules() && !enc.value().rules().isEmpty()) {
            ServerSideEncryptionRule rule = enc.value().rules().get(0);
            if (rule.applyServerSideEncryptionByDefault() != null) {
                b.encryptionAlgorithm(rule.applyServerSideEncryptionByDefault().sseAlgorithmAsString())
                        .kmsKeyId(rule.applyServerSideEncryptionByDefault().kmsMasterKeyID());
            }
            b.bucketKeyEnabled(Boolean.TRUE.equals(rule.bucketKeyEnabled()));
        }
    }

    private static void publicAccessBlock(ServiceRun run, S3Client c, String rg, String name, String arn,
                                          Bucket.BucketBuilder b) {
        var pab = run.callOrAbsent(rg, "GetPublicAccessBlock", arn,
                () -> c.getPublicAccessBlock(r -> r.bucket(name)).publicAccessBlockConfiguration(),
                "NoSuchPublicAccessBlockConfiguration");
        if (pab.isOk() && pab.value() != null) {
            PublicAccessBlockConfiguration p = pab.value();
            b.publicAccessBlock(PublicAccessBlock.builder()
                    .blockPublicAcls(Boolean.TRUE.equals(p.blockPublicAcls()))
                    .ignorePublicAcls(Boolean.TRUE.equals(p.ignorePublicAcls()))
                    .blockPublicPolicy(Boolean.TRUE.equals(p.blockPublicPolicy()))
                    .restrictPublicBuckets(Boolean.TRUE.equals(p.restrictPublicBuckets())).build());
        }
    }

    private static void policy(ServiceRun run, S3Client c, String rg, String name, String arn,
                               Bucket.BucketBuilder b) {
        var policy = run.callOrAbsent(rg, "GetBucketPolicy", arn, () -> c.getBucketPolicy(r -> r.bucket(name)).policy(),
                "NoSuchBucketPolicy");
        b.policyJson(policy.value());
    }

    private static void versioning(ServiceRun run, S3Client c, String rg, String name, String arn,
                                   Bucket.BucketBuilder b) {
        String versioning = run.call(rg, "GetBucketVersioning", arn,
                () -> c.getBucketVersioning(r -> r.bucket(name)).statusAsString());
        b.versioning(versioning == null || versioning.isEmpty() ? null : versioning);
    }

    private static void objectLock(ServiceRun run, S3Client c, String rg, String name, String arn,
                                   Bucket.BucketBuilder b) {
        var lock = run.callOrAbsent(rg, "GetObjectLockConfiguration", arn,
                () -> c.getObjectLockConfiguration(r -> r.bucket(name)).objectLockConfiguration(),
                "ObjectLockConfigurationNotFoundError");
        b.objectLockEnabled(lock.isOk() && lock.value() != null
                && "Enabled".equals(lock.value().objectLockEnabledAsString()));
    }

    private static void lifecycle(ServiceRun run, S3Client c, String rg, String name, String arn,
                                  Bucket.BucketBuilder b) {
        var lifecycle = run.callOrAbsent(rg, "GetBucketLifecycleConfiguration", arn,
                () -> c.getBucketLifecycleConfiguration(r -> r.bucket(name)).rules(),
                "NoSuchLifecycleConfiguration");
        if (!lifecycle.isFailed()) { // absent (no configuration): nothing expires
            Integer min = null;
            List<LifecycleExpiration> expirations = new java.util.ArrayList<>();
            for (LifecycleRule lr : lifecycle.value() == null ? List.<LifecycleRule>of() : lifecycle.value()) {
                if (lr.expiration() == null || lr.expiration().days() == null) {
                    continue;
                }
                expirations.add(expiration(lr));
                if ("Enabled".equals(lr.statusAsString())) {
                    min = min == null ? lr.expiration().days() : Math.min(min, lr.expiration().days());
                }
            }
            b.lifecycleExpirationDays(min).lifecycleExpirations(List.copyOf(expirations));
        }
    }

    /** A rule's expiration with what its filter limits it to (the legacy top-level Prefix too). */
    private static LifecycleExpiration expiration(LifecycleRule lr) {
        String prefix = lr.prefix();
        boolean tag = false;
        boolean size = false;
        var f = lr.filter();
        if (f != null) {
            var and = f.and();
            prefix = f.prefix() != null ? f.prefix() : and != null && and.prefix() != null ? and.prefix() : prefix;
            tag = f.tag() != null || (and != null && and.hasTags() && !and.tags().isEmpty());
            size = f.objectSizeGreaterThan() != null || f.objectSizeLessThan() != null
                    || (and != null && (and.objectSizeGreaterThan() != null || and.objectSizeLessThan() != null));
        }
        return LifecycleExpiration.builder().status(lr.statusAsString()).days(lr.expiration().days())
                .prefix(prefix == null ? "" : prefix).tagFilter(tag).sizeFilter(size).build();
    }

    private static void logging(ServiceRun run, S3Client c, String rg, String name, String arn,
                                Bucket.BucketBuilder b) {
        var logging = run.call(rg, "GetBucketLogging", arn, () -> c.getBucketLogging(r -> r.bucket(name)).loggingEnabled());
        b.accessLogTargetBucket(logging == null ? null : logging.targetBucket())
                .accessLogTargetPrefix(logging == null ? null : logging.targetPrefix() == null ? "" : logging.targetPrefix());
    }

    private static void tags(ServiceRun run, S3Client c, String rg, String name, String arn,
                             Bucket.BucketBuilder b) {
        var tags = run.callOrAbsent(rg, "GetBucketTagging", arn, () -> c.getBucketTagging(r -> r.bucket(name)).tagSet(),
                "NoSuchTagSet");
        if (tags.isOk() && tags.value() != null && !tags.value().isEmpty()) {
            Map<String, String> m = new TreeMap<>();
            tags.value().forEach(t -> m.put(t.key(), t.value()));
            b.tags(m);
        }
    }
}
