package io.tenken.checks;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenken.Json;
import io.tenken.facts.AclGrant;
import io.tenken.facts.Bucket;
import io.tenken.findings.Message;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who a resource policy (S3 bucket policy, KMS key policy) or a bucket ACL lets in. The reading:
 *
 * <ul>
 * <li><b>Everyone</b>: an Allow whose {@code Principal} is {@code *} or {@code {"AWS": "*"}} (or
 *     lists {@code *}), or an Allow with {@code NotPrincipal} (everyone but the listed).</li>
 * <li><b>Narrowing condition</b>: a condition that binds the caller to accounts or an
 *     organisation: {@code aws:SourceAccount}, {@code aws:SourceOwner},
 *     {@code aws:PrincipalAccount}, {@code kms:CallerAccount}, {@code aws:SourceArn},
 *     {@code aws:PrincipalArn}, {@code aws:PrincipalOrgID}, {@code aws:PrincipalOrgPaths},
 *     {@code aws:SourceOrgID}, {@code aws:SourceOrgPaths}, {@code aws:SourceVpc},
 *     {@code aws:SourceVpce}, under StringEquals / StringEqualsIgnoreCase / StringLike /
 *     ArnEquals / ArnLike (an {@code ...IfExists} operator does not narrow: an absent key
 *     matches), with no value that is only wildcards. {@code kms:ViaService} alone does not
 *     narrow: any account's principal can call through the service. {@code aws:SourceIp} is not
 *     counted: an address range does not say whose principal calls.</li>
 * <li><b>Unknown account</b>: an account id (named as a principal, in an account condition, or
 *     in the account field of an ARN condition) that is neither this account nor in the policy's
 *     {@code trustedAccountIds}. A principal that names no account (a template's reference to a
 *     role it declares, the unique id AWS shows for a deleted principal) is not one.</li>
 * <li>Service principals ({@code logging.s3.amazonaws.com}, {@code cloudtrail.amazonaws.com})
 *     are AWS acting for this account and are not grants to others; {@code Federated} and
 *     {@code CanonicalUser} principals are listed as unknown accounts, since the snapshot cannot
 *     say whose they are.</li>
 * <li>Deny statements are not subtracted: a Deny that exactly cancels a public Allow is rare,
 *     and reading it wrong would pass a public resource.</li>
 * <li>A document that cannot be parsed is reported as such (the grant cannot be verified).</li>
 * </ul>
 */
public final class ResourcePolicies {
    /** The S3 group that is every caller on the internet. */
    public static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    /** The S3 group that is every AWS account's authenticated principal. */
    public static final String AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
    /** The S3 log delivery group (server access logs written by S3 itself). */
    public static final String LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery";
    /**
     * The canonical user id of the awslogsdelivery account, which CloudFront standard logging
     * grants FULL_CONTROL on the log bucket (CloudFront developer guide, "Permissions required to
     * configure standard logging").
     */
    public static final String CLOUDFRONT_LOG_DELIVERY =
            "c4c1ede66af53448b93c283ce9448c4ba468c9432aa01d700d3878632f77d2d0";

    private static final Set<String> ACCOUNT_KEYS = Set.of("aws:sourceaccount", "aws:sourceowner",
            "aws:principalaccount", "kms:calleraccount");
    private static final Set<String> ARN_KEYS = Set.of("aws:sourcearn", "aws:principalarn");
    private static final Set<String> ORG_KEYS = Set.of("aws:principalorgid", "aws:principalorgpaths",
            "aws:sourceorgid", "aws:sourceorgpaths", "aws:sourcevpc", "aws:sourcevpce");
    private static final Set<String> OPERATORS = Set.of("stringequals", "stringequalsignorecase", "stringlike",
            "arnequals", "arnlike");

    private ResourcePolicies() {
    }

    /** What a document grants beyond this account: statements open to everyone, and to unknown accounts. */
    public record Exposure(List<Message> everyone, List<Message> unknownAccounts, Message unreadable) {
        public boolean isPublic() {
            return !everyone.isEmpty();
        }

        public boolean isClosed() {
            return everyone.isEmpty() && unknownAccounts.isEmpty() && unreadable == null;
        }

        static Exposure none() {
            return new Exposure(List.of(), List.of(), null);
        }
    }

    /**
     * The Allow statements of {@code policyJson} open to everyone without a narrowing condition,
     * and those granted to (or narrowed only to) accounts outside {@code knownAccounts}.
     */
    public static Exposure exposure(String policyJson, Collection<String> knownAccounts) {
        if (policyJson == null || policyJson.isBlank()) {
            return Exposure.none();
        }
        JsonNode doc;
        try {
            doc = Json.MAPPER.readTree(policyJson);
        } catch (Exception e) {
            return new Exposure(List.of(), List.of(), Message.of("POLICY.unreadable"));
        }
        if (doc == null || !doc.isObject()) {
            return new Exposure(List.of(), List.of(), Message.of("POLICY.unreadable"));
        }
        Set<String> known = normalisedAccounts(knownAccounts);
        List<Message> everyone = new ArrayList<>();
        List<Message> unknown = new ArrayList<>();
        List<JsonNode> statements = list(doc.get("Statement"));
        for (int i = 0; i < statements.size(); i++) {
            JsonNode st = statements.get(i);
            if (!"Allow".equals(st.path("Effect").asText())) {
                continue;
            }
            Message label = label(i, st);
            Narrowing n = narrowing(st.get("Condition"), known);
            if (st.has("NotPrincipal") || everyone(st.get("Principal"))) {
                if (n.unknownAccounts().isEmpty() && n.narrows()) {
                    continue;
                }
                if (!n.unknownAccounts().isEmpty()) {
                    unknown.add(Message.of("POLICY.everyone.narrowed", label, n.unknownAccounts()));
                } else {
                    everyone.add(Message.of("POLICY.everyone", label));
                }
                continue;
            }
            TreeSet<String> others = new TreeSet<>();
            JsonNode p = st.get("Principal");
            if (p != null && p.isObject()) {
                for (JsonNode aws : list(p.get("AWS"))) {
                    // A principal without an account (a template's reference to a role it declares, or
                    // the unique id AWS shows for a deleted principal) is no grant to another account.
                    String account = accountOf(aws.asText());
                    if (account != null && !known.contains(account)) {
                        others.add(aws.asText());
                    }
                }
                list(p.get("Federated")).forEach(f -> others.add(f.asText()));
                list(p.get("CanonicalUser")).forEach(c -> others.add(c.asText()));
            }
            if (!others.isEmpty() && !(n.narrows() && n.unknownAccounts().isEmpty())) {
                unknown.add(Message.of("POLICY.unknown", label, List.copyOf(others)));
            }
        }
        return new Exposure(List.copyOf(everyone), List.copyOf(unknown), null);
    }

    /**
     * What a bucket ACL grants beyond the owner: AllUsers and AuthenticatedUsers are everyone;
     * another canonical user or an e-mail grantee is an unknown account; the owner, the S3 log
     * delivery group and CloudFront's log delivery account are not grants to others. A null list
     * means the ACL was not read because ACLs are disabled (BucketOwnerEnforced): nothing.
     */
    public static Exposure aclExposure(List<AclGrant> grants, String ownerCanonicalId) {
        if (grants == null) {
            return Exposure.none();
        }
        List<Message> everyone = new ArrayList<>();
        List<Message> unknown = new ArrayList<>();
        for (AclGrant g : grants) {
            String perm = g.getPermission();
            if ("Group".equals(g.getGranteeType())) {
                if (ALL_USERS.equals(g.getGranteeUri())) {
                    everyone.add(Message.of("POLICY.acl.all-users", perm));
                } else if (AUTHENTICATED_USERS.equals(g.getGranteeUri())) {
                    everyone.add(Message.of("POLICY.acl.authenticated-users", perm));
                } else if (!LOG_DELIVERY.equals(g.getGranteeUri())) {
                    unknown.add(Message.of("POLICY.acl.grantee", perm, g.getGranteeUri()));
                }
            } else if ("CanonicalUser".equals(g.getGranteeType())) {
                String id = g.getGranteeId();
                if (id != null && !id.equals(ownerCanonicalId) && !CLOUDFRONT_LOG_DELIVERY.equals(id)) {
                    unknown.add(Message.of("POLICY.acl.grantee", perm, id));
                }
            } else {
                unknown.add(Message.of("POLICY.acl.grantee", perm, g.getGranteeEmail() != null ? g.getGranteeEmail()
                        : g.getGranteeType()));
            }
        }
        return new Exposure(List.copyOf(everyone), List.copyOf(unknown), null);
    }

    /** Does the condition bind the caller to accounts, ARNs or an organisation, and to which unknown accounts? */
    record Narrowing(boolean narrows, List<String> unknownAccounts) {
    }

    static Narrowing narrowing(JsonNode condition, Set<String> known) {
        if (condition == null || !condition.isObject()) {
            return new Narrowing(false, List.of());
        }
        boolean narrows = false;
        TreeSet<String> unknown = new TreeSet<>();
        for (Map.Entry<String, JsonNode> op : iterable(condition)) {
            String operator = op.getKey().toLowerCase(Locale.ROOT);
            if (operator.startsWith("forallvalues:") || operator.startsWith("foranyvalue:")) {
                operator = operator.substring(operator.indexOf(':') + 1);
            }
            if (!OPERATORS.contains(operator)) {
                continue;
            }
            for (Map.Entry<String, JsonNode> kv : iterable(op.getValue())) {
                String key = kv.getKey().toLowerCase(Locale.ROOT);
                List<String> values = list(kv.getValue()).stream().map(JsonNode::asText).toList();
                if (values.isEmpty() || values.stream().anyMatch(v -> v.replace("*", "").replace("?", "").isEmpty())) {
                    continue;
                }
                if (ACCOUNT_KEYS.contains(key)) {
                    narrows = true;
                    values.stream().filter(v -> !known.contains(v.trim())).forEach(unknown::add);
                } else if (ARN_KEYS.contains(key)) {
                    narrows = true;
                    for (String v : values) {
                        String account = arnAccount(v);
                        if (account != null && !account.isEmpty() && !known.contains(account)) {
                            unknown.add(account.contains("*") || account.contains("?") ? v : account);
                        }
                    }
                } else if (ORG_KEYS.contains(key)) {
                    narrows = true;
                }
            }
        }
        return new Narrowing(narrows, List.copyOf(unknown));
    }

    /** The account of an AWS principal: a 12-digit id, or an IAM/STS ARN's account field. */
    static String accountOf(String principal) {
        if (principal == null) {
            return null;
        }
        String p = principal.trim();
        if (p.matches("\\d{12}")) {
            return p;
        }
        String account = arnAccount(p);
        return account == null || account.isEmpty() ? null : account;
    }

    /** The account field of an ARN, or null when the text is not an ARN. */
    static String arnAccount(String arn) {
        String[] parts = arn.trim().split(":", 6);
        return parts.length == 6 && "arn".equalsIgnoreCase(parts[0]) ? parts[4] : null;
    }

    private static Set<String> normalisedAccounts(Collection<String> accounts) {
        TreeSet<String> out = new TreeSet<>();
        if (accounts != null) {
            accounts.stream().filter(a -> a != null && !a.isBlank()).map(String::trim).forEach(out::add);
        }
        return out;
    }

    private static boolean everyone(JsonNode principal) {
        if (principal == null) {
            return false;
        }
        if (principal.isTextual()) {
            return "*".equals(principal.asText().trim());
        }
        return list(principal.get("AWS")).stream().anyMatch(p -> "*".equals(p.asText().trim()));
    }

    static Message label(int index, JsonNode st) {
        String sid = st.path("Sid").asText("");
        return sid.isBlank() ? Message.of("POLICY.statement", index) : Message.of("POLICY.statement.sid", index, sid);
    }

    // ------------------------------------------------------------------ verdicts the rules hand on

    /** This account and the accounts the policy trusts. */
    public static List<String> known(String accountId, List<String> trusted) {
        List<String> out = new ArrayList<>();
        if (accountId != null) {
            out.add(accountId);
        }
        if (trusted != null) {
            out.addAll(trusted);
        }
        return List.copyOf(out);
    }

    /** s3.no-public-grants: the bucket policy and ACL grant nothing to everyone or to unknown accounts. */
    public static CheckResult bucketGrants(Bucket b, List<String> known) {
        Exposure policy = exposure(b.getPolicyJson(), known);
        Exposure acl = aclExposure(b.getAclGrants(), b.getOwnerCanonicalId());
        List<Message> problems = new ArrayList<>();
        if (policy.unreadable() != null) {
            problems.add(policy.unreadable());
        }
        problems.addAll(policy.everyone());
        problems.addAll(acl.everyone());
        problems.addAll(policy.unknownAccounts());
        problems.addAll(acl.unknownAccounts());
        aclNotRead(b).ifPresent(problems::add);
        Message expected = Message.of("S3-09.expected", known);
        if (!problems.isEmpty()) {
            return CheckResult.of(false, problems, expected);
        }
        return new CheckResult(true, Message.of(b.getAclGrants() == null ? "S3-09.closed.acls-disabled" : "S3-09.closed"),
                expected);
    }

    /**
     * An ACL that applies (object ownership is not BucketOwnerEnforced) but is not in the snapshot
     * cannot be read as "grants nothing": it is reported as not verifiable.
     */
    private static java.util.Optional<Message> aclNotRead(Bucket b) {
        if (b.getAclGrants() == null && !"BucketOwnerEnforced".equals(b.getObjectOwnership())) {
            // Not a FAIL: the engine makes the verdict ERROR, naming what is missing.
            io.tenken.facts.Reads.missing(b, "aclGrants", "ACL (GetBucketAcl) " + b.getArn());
            return java.util.Optional.of(Message.of("POLICY.acl.not-read",
                    b.getObjectOwnership() == null ? "-" : b.getObjectOwnership()));
        }
        return java.util.Optional.empty();
    }

    /** kms.key-not-public: no statement of the key policy allows everyone without a narrowing condition. */
    public static CheckResult keyPolicy(String policyJson, List<String> known) {
        Message expected = Message.of("KMS-02.expected");
        if (policyJson == null) {
            return new CheckResult(false, Message.of("KMS-02.not-read"), expected);
        }
        Exposure e = exposure(policyJson, known);
        List<Message> problems = new ArrayList<>();
        if (e.unreadable() != null) {
            problems.add(e.unreadable());
        }
        problems.addAll(e.everyone());
        if (!problems.isEmpty()) {
            return CheckResult.of(false, problems, expected);
        }
        return new CheckResult(true, Message.of("KMS-02.closed"), expected);
    }

    /** cloudtrail.bucket-protected: the trail bucket grants nothing to everyone and logs access to it. */
    public static CheckResult trailBucket(Bucket b, List<?> trailNames, List<String> known) {
        Exposure policy = exposure(b.getPolicyJson(), known);
        Exposure acl = aclExposure(b.getAclGrants(), b.getOwnerCanonicalId());
        List<Message> problems = new ArrayList<>();
        if (policy.unreadable() != null) {
            problems.add(policy.unreadable());
        }
        problems.addAll(policy.everyone());
        problems.addAll(acl.everyone());
        aclNotRead(b).ifPresent(problems::add);
        if (b.getAccessLogTargetBucket() == null) {
            problems.add(Message.of("CLOUDTRAIL-06.no-logging"));
        }
        Message expected = Message.of("CLOUDTRAIL-06.expected", trailNames);
        if (!problems.isEmpty()) {
            return CheckResult.of(false, problems, expected);
        }
        return new CheckResult(true, Message.of("CLOUDTRAIL-06.observed", b.getAccessLogTargetBucket()), expected);
    }

    static List<JsonNode> list(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(out::add);
        } else {
            out.add(n);
        }
        return out;
    }

    static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode n) {
        return n == null || !n.isObject() ? List.of() : n::fields;
    }
}
