package io.tenken.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.tenken.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * {@code scan --org} against moto with several accounts: moto keeps a backend per account and
 * routes a request by the account of the assumed role, and Organizations CreateAccount returns
 * the new id at once. moto lets any role be assumed, so WireMock in front answers AssumeRole into
 * one account with AccessDenied, shaped as the STS API reference documents it (Query protocol
 * XML error, HTTP 403); it also answers Bedrock ListGuardrails (not implemented by moto) with an
 * empty list. Everything else is proxied to moto.
 */
@ExtendWith(MotoServerExtension.class)
class OrgScanTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void scansEveryAccountAndReportsTheOneThatCannotBeAssumed(@TempDir Path dir) throws Exception {
        OrganizationsClient orgs = Moto.client(OrganizationsClient.builder(), "us-east-1");
        orgs.createOrganization(r -> r.featureSet("ALL"));
        String good = orgs.createAccount(r -> r.accountName("<b>app</b> | @team").email("a@example.com"))
                .createAccountStatus().accountId();
        String denied = orgs.createAccount(r -> r.accountName("sandbox").email("b@example.com"))
                .createAccountStatus().accountId();
        // A bucket only the member account has: its report must show it, the others must not.
        S3Client memberS3 = S3Client.builder().region(software.amazon.awssdk.regions.Region.AP_NORTHEAST_1)
                .credentialsProvider(assumed(good)).endpointOverride(MotoServerExtension.endpoint())
                .forcePathStyle(true).build();
        memberS3.createBucket(r -> r.bucket("member-only-bucket")
                .createBucketConfiguration(c -> c.locationConstraint("ap-northeast-1")));

        WireMockServer front = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .preserveHostHeader(true).disableRequestJournal());
        front.start();
        Path out = dir.resolve("org");
        CliRun run;
        try {
            front.stubFor(any(anyUrl()).atPriority(10)
                    .willReturn(aResponse().proxiedFrom(MotoServerExtension.endpoint().toString())));
            front.stubFor(get(urlPathEqualTo("/guardrails")).atPriority(1).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody("{\"guardrails\":[]}")));
            front.stubFor(post(anyUrl()).withRequestBody(containing("Action=AssumeRole"))
                    .withRequestBody(containing(denied)).atPriority(1).willReturn(aResponse().withStatus(403)
                            .withHeader("Content-Type", "text/xml").withBody("""
                                    <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                                      <Error><Type>Sender</Type><Code>AccessDenied</Code>
                                      <Message>User is not authorized to perform: sts:AssumeRole</Message></Error>
                                      <RequestId>0</RequestId></ErrorResponse>""")));
            run = cli("scan", "--org", "--role-name", "tenken-audit", "--external-id", "tk-1",
                    "--endpoint-url", "http://127.0.0.1:" + front.port(), "--region", "ap-northeast-1",
                    "--account-concurrency", "2", "--format", "json,html", "--out", out.toString());
        } finally {
            front.stop();
        }
        assertEquals(3, run.exitCode(), run.out() + run.err());

        JsonNode org = JSON.readTree(out.resolve("org-report.json").toFile());
        List<String> ids = new ArrayList<>();
        org.get("accounts").forEach(a -> ids.add(a.get("accountId").asText()));
        assertEquals(List.of(Moto.ACCOUNT, denied, good).stream().sorted().toList(), ids.stream().sorted().toList());
        for (JsonNode a : org.get("accounts")) {
            String id = a.get("accountId").asText();
            if (id.equals(denied)) {
                assertEquals("ERROR", a.get("state").asText());
                assertTrue(a.get("error").asText().contains("AccessDenied") || a.get("error").asText().contains("403"),
                        a.toString());
                assertTrue(a.get("report").isNull());
                assertFalse(Files.exists(out.resolve(id).resolve("report.json")));
                a.get("concepts").forEach(c -> assertEquals("ERROR", c.asText()));
            } else {
                assertEquals("SCANNED", a.get("state").asText(), a.toString());
                assertEquals(id + "/report.html", a.get("report").asText());
                JsonNode report = JSON.readTree(out.resolve(id).resolve("report.json").toFile());
                assertEquals(id, report.at("/metadata/accountId").asText(), "each report is about its own account");
                boolean hasMemberBucket = report.get("findings").toString().contains("member-only-bucket");
                assertEquals(id.equals(good), hasMemberBucket, id);
            }
        }
        String html = Files.readString(out.resolve("org-report.html"));
        assertTrue(html.contains("&lt;b&gt;app&lt;/b&gt;") && !html.contains("<b>app"), "account names escaped");
        assertTrue(html.contains("href=\"" + good + "/report.html\""));
        String md = Files.readString(out.resolve("org-report.md"));
        assertTrue(md.contains(denied) && !md.contains("<b>app"), md);

        // merge builds the same report from the account directories (what shards do).
        Path merged = dir.resolve("merged");
        CliRun m = cli("merge", out.toString(), "--out", merged.toString());
        assertEquals(3, m.exitCode(), m.out() + m.err());
        JsonNode again = JSON.readTree(merged.resolve("org-report.json").toFile());
        assertEquals(org.get("accounts").size(), again.get("accounts").size());
        assertEquals("../org/" + good + "/report.html", again.get("accounts").findValues("report").stream()
                .map(JsonNode::asText).filter(s -> s.contains(good)).findFirst().orElseThrow());

        // Shards: 1/2 and 2/2 together are every account, each once.
        Path s1 = dir.resolve("s1");
        Path s2 = dir.resolve("s2");
        CliRun r1 = shard("1/2", good + "," + Moto.ACCOUNT, s1);
        CliRun r2 = shard("2/2", good + "," + Moto.ACCOUNT, s2);
        List<String> both = List.of(Moto.ACCOUNT, good).stream().sorted().toList();
        assertEquals(List.of(both.get(0)), ids(s1.resolve("org-report.json")), r1.out() + r1.err());
        assertEquals(List.of(both.get(1)), ids(s2.resolve("org-report.json")), r2.out() + r2.err());
        CliRun mm = cli("merge", s1.toString(), s2.toString(), "--out", dir.resolve("m2").toString());
        assertEquals(List.of(Moto.ACCOUNT, good).stream().sorted().toList(),
                ids(dir.resolve("m2").resolve("org-report.json")).stream().sorted().toList(), mm.out() + mm.err());
        // Two shards holding the same account are refused: the report would count it twice.
        CliRun twice = cli("merge", s1.toString(), s1.toString(), "--out", dir.resolve("m3").toString());
        assertEquals(2, twice.exitCode(), twice.out() + twice.err());
    }

    /**
     * The member role ARNs are in the partition of --region (aws-cn for cn-*, aws-us-gov for
     * us-gov-*), or of the caller when no region is given; global calls go to that partition's
     * global region (moto answers in the partition of the region a request is signed for).
     */
    @Test
    void memberRolesAreInThePartitionOfTheRegionOrOfTheCaller(@TempDir Path dir) throws Exception {
        WireMockServer front = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .preserveHostHeader(true));
        front.start();
        try {
            front.stubFor(any(anyUrl()).atPriority(10)
                    .willReturn(aResponse().proxiedFrom(MotoServerExtension.endpoint().toString())));
            String endpoint = "http://127.0.0.1:" + front.port();
            for (String[] c : List.of(new String[] {"cn-north-1", "aws-cn"}, new String[] {"us-gov-west-1", "aws-us-gov"},
                    new String[] {null, "aws"})) {
                front.resetRequests();
                Path out = dir.resolve(c[1]);
                List<String> args = new ArrayList<>(List.of("scan", "--accounts", "111111111111", "--role-name", "audit",
                        "--checks", "S3-01", "--endpoint-url", endpoint, "--format", "json", "--out", out.toString()));
                if (c[0] != null) {
                    args.addAll(List.of("--region", c[0]));
                }
                CliRun run = cli(args.toArray(String[]::new));
                JsonNode snapshot = JSON.readTree(out.resolve("111111111111").resolve("snapshot.json").toFile());
                assertTrue(run.exitCode() != 2, run.out() + run.err());
                List<String> roles = front.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(anyUrl())
                        .withRequestBody(containing("Action=AssumeRole"))).stream()
                        .map(r -> java.net.URLDecoder.decode(r.getBodyAsString(), java.nio.charset.StandardCharsets.UTF_8))
                        .map(b -> b.replaceAll("(?s).*RoleArn=([^&]*).*", "$1")).distinct().toList();
                assertEquals(List.of("arn:" + c[1] + ":iam::111111111111:role/audit"), roles);
                JsonNode account = JSON.readTree(out.resolve("111111111111").resolve("account.json").toFile());
                assertEquals("SCANNED", account.get("state").asText(), account.toString());
                assertEquals(c[1], snapshot.get("partition").asText());
            }
        } finally {
            front.stop();
        }
        CliRun mixed = cli("scan", "--accounts", "111111111111", "--role-name", "audit", "--region", "us-east-1",
                "--region", "cn-north-1", "--endpoint-url", MotoServerExtension.endpoint().toString(),
                "--out", dir.resolve("mixed").toString());
        assertEquals(2, mixed.exitCode(), mixed.out() + mixed.err());
        assertTrue(mixed.err().contains("partitions"), mixed.err());
    }

    private static CliRun shard(String shard, String account, Path out) {
        return cli("scan", "--accounts", account, "--role-name", "tenken-audit", "--shard", shard,
                "--endpoint-url", MotoServerExtension.endpoint().toString(), "--region", "ap-northeast-1",
                "--format", "json", "--out", out.toString());
    }

    private static List<String> ids(Path orgReport) throws Exception {
        List<String> ids = new ArrayList<>();
        JSON.readTree(orgReport.toFile()).get("accounts").forEach(a -> ids.add(a.get("accountId").asText()));
        return ids;
    }

    private static software.amazon.awssdk.auth.credentials.AwsCredentialsProvider assumed(String account) {
        StsClient sts = Moto.client(StsClient.builder(), "us-east-1");
        var c = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/seed").roleSessionName("seed"))
                .credentials();
        return software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(c.accessKeyId(),
                        c.secretAccessKey(), c.sessionToken()));
    }

    /** The CLI reads the SDK default chain; system properties come first in it. */
    private static CliRun cli(String... args) {
        String oldKey = System.getProperty("aws.accessKeyId");
        String oldSecret = System.getProperty("aws.secretAccessKey");
        try {
            System.setProperty("aws.accessKeyId", "testing");
            System.setProperty("aws.secretAccessKey", "testing");
            return CliRun.of(args);
        } finally {
            restore("aws.accessKeyId", oldKey);
            restore("aws.secretAccessKey", oldSecret);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
