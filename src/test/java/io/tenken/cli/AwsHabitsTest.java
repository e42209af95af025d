package io.tenken.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tenken.collect.AwsProfiles;
import io.tenken.collect.Moto;
import io.tenken.collect.MotoServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The habits AWS CLI users bring: profiles that apply wholly, region lists, role options,
 * suggestions for typos, usage and exit codes. Profiles are read from a config file named by the
 * SDK's {@code aws.configFile} system property (the in-process form of AWS_CONFIG_FILE).
 */
@ExtendWith(MotoServerExtension.class)
class AwsHabitsTest {
    @TempDir
    Path dir;

    @AfterEach
    void clearProfiles() {
        System.clearProperty("aws.configFile");
        System.clearProperty("aws.sharedCredentialsFile");
    }

    private void profiles(String config) throws Exception {
        Path file = dir.resolve("config");
        Files.writeString(file, config);
        System.setProperty("aws.configFile", file.toString());
        System.setProperty("aws.sharedCredentialsFile", dir.resolve("no-credentials").toString());
    }

    private String motoProfile(String name, String region) {
        return "[profile " + name + "]\nregion = " + region + "\nendpoint_url = " + MotoServerExtension.endpoint()
                + "\naws_access_key_id = testing\naws_secret_access_key = testing\n";
    }

    @Test
    void bareTenkenShowsUsageAndExitsTwo() {
        CliRun run = CliRun.of();
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Usage: tenken"), run.err());
        assertTrue(run.err().contains("scan"), run.err());
    }

    @Test
    void typosGetSuggestions() {
        CliRun cmd = CliRun.of("scna");
        assertEquals(2, cmd.exitCode());
        assertTrue(cmd.err().contains("unknown command 'scna'"), cmd.err());
        assertTrue(cmd.err().contains("did you mean: scan?"), cmd.err());
        assertFalse(cmd.err().contains("Unmatched arguments from index"), cmd.err());

        CliRun opt = CliRun.of("scan", "--regoin", "us-east-1");
        assertEquals(2, opt.exitCode());
        assertTrue(opt.err().contains("unknown option '--regoin' for tenken scan"), opt.err());
        assertTrue(opt.err().contains("--region"), opt.err());
    }

    @Test
    void everyCommandsHelpListsExitCodesAndRequiredParameters() {
        CommandLine cli = new CommandLine(new Main());
        List<String> names = List.copyOf(cli.getSubcommands().keySet());
        for (String name : names) {
            CliRun run = CliRun.of(name, "--help");
            assertEquals(0, run.exitCode(), name);
            assertTrue(run.out().contains("Exit codes:"), name + " --help:\n" + run.out());
            assertTrue(run.out().contains(" 2 "), name + " --help lists exit 2:\n" + run.out());
        }
        // Required parameters appear without brackets in the synopsis; optional ones in [ ].
        // picocli wraps lines anywhere: compare without whitespace.
        String evaluate = CliRun.of("evaluate", "--help").out().replaceAll("\\s+", "");
        assertTrue(evaluate.contains("SNAPSHOT") && !evaluate.contains("[SNAPSHOT]"), evaluate);
        assertTrue(evaluate.contains("[--out=DIR]") && evaluate.contains("(default:./tenken-report)"), evaluate);
        String scan = CliRun.of("scan", "--help").out().replaceAll("\\s+", "");
        assertTrue(scan.contains("[--out=DIR]") && scan.contains("3someAPIcallsfailed"), scan);
    }

    @Test
    void reportsNeverGoIntoTheSourceTree() throws Exception {
        Path snap = io.tenken.TestSnapshots.write(io.tenken.TestSnapshots.withBuckets("a"), dir.resolve("s.json"));
        for (String inside : List.of("reports/", "rules/x", "src/main/resources/out")) {
            CliRun run = CliRun.of("evaluate", snap.toString(), "--out", inside);
            assertEquals(2, run.exitCode(), inside);
            assertTrue(run.err().contains("inside Tenken's source tree"), run.err());
        }
        assertFalse(Files.exists(Path.of("reports/report.html")));
        assertFalse(Files.exists(Path.of("rules/x")));
    }

    @Test
    void regionsTakeCommasAndRepeatsAndUnknownNamesAreRefused() throws Exception {
        CliRun bad = CliRun.of("scan", "--region", "ap-northeast-1,ap-northeast-9", "--endpoint-url",
                MotoServerExtension.endpoint().toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("'ap-northeast-9' is not an AWS region; did you mean ap-northeast-1?"), bad.err());
        assertFalse(Files.exists(dir.resolve("o")), "nothing written");

        profiles(motoProfile("moto", "eu-west-1"));
        Path out = dir.resolve("scan");
        CliRun ok = CliRun.of("scan", "--profile", "moto", "--region", "ap-northeast-1,us-east-1", "--region", "eu-west-1",
                "--out", out.toString(), "--format", "json", "--allow-collection-errors");
        String snapshot = Files.readString(out.resolve("snapshot.json"));
        assertTrue(snapshot.contains("\"regions\" : [ \"ap-northeast-1\", \"eu-west-1\", \"us-east-1\" ]")
                || snapshot.replaceAll("\\s", "").contains("\"regions\":[\"ap-northeast-1\",\"eu-west-1\",\"us-east-1\"]"),
                ok.out() + ok.err());
    }

    @Test
    void profileAppliesWhollyEndpointRegionAndCredentials() throws Exception {
        profiles(motoProfile("moto", "eu-west-1"));
        assertEquals("eu-west-1", AwsProfiles.homeRegion("moto"));
        Path out = dir.resolve("scan");
        // No --endpoint-url: the profile's endpoint_url sends every call, EC2 included, to moto.
        CliRun run = CliRun.of("scan", "--profile", "moto", "--region", "ap-northeast-1", "--out", out.toString(),
                "--format", "json");
        assertTrue(Files.readString(out.resolve("snapshot.json")).contains("\"accountId\" : \"" + Moto.ACCOUNT + "\"")
                || Files.readString(out.resolve("snapshot.json")).contains("\"accountId\":\"" + Moto.ACCOUNT + "\""), run.out() + run.err());
        // moto lacks Bedrock guardrails (HTTP 500): stdout names the failed calls, exit 3.
        assertEquals(3, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("API calls failed after retries"), run.out());
        assertTrue(run.out().contains("bedrock ListGuardrails (ap-northeast-1): "), run.out());
    }

    @Test
    void roleArnAndSourceProfileFromTheProfileAssumeAtTheProfilesEndpoint() throws Exception {
        try (IamClient iam = Moto.client(IamClient.builder(), "us-east-1")) {
            iam.createRole(r -> r.roleName("ProfileRole").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[]}"));
        }
        // Only the profile says where AWS is: its endpoint_url must carry AssumeRole too, as in the
        // AWS CLI (the SDK's own role provider sends it to sts.amazonaws.com). WireMock records
        // what is sent and passes everything to moto.
        WireMockServer front = proxyToMoto();
        try {
            profiles("[profile base]\naws_access_key_id = testing\naws_secret_access_key = testing\n"
                    + "[profile assumed]\nrole_arn = arn:aws:iam::" + Moto.ACCOUNT + ":role/ProfileRole\nsource_profile = base\n"
                    + "role_session_name = from-profile\nexternal_id = ext-profile\nregion = us-east-1\nendpoint_url = "
                    + front.baseUrl() + "\n");
            Path out = dir.resolve("scan");
            CliRun run = CliRun.of("scan", "--profile", "assumed", "--region", "us-east-1", "--out", out.toString(),
                    "--format", "json", "--allow-collection-errors");
            assertTrue(Files.exists(out.resolve("snapshot.json")), run.out() + run.err());
            assertTrue(Files.readString(out.resolve("snapshot.json")).contains("assumed-role/ProfileRole/from-profile"),
                    run.out() + run.err());
            assertFalse(front.findAll(postRequestedFor(anyUrl()).withRequestBody(containing("Action=AssumeRole"))
                    .withRequestBody(containing("ExternalId=ext-profile"))).isEmpty(), "AssumeRole went to the profile's endpoint");
        } finally {
            front.stop();
        }
    }

    @Test
    void aProfileThatNamesItselfAsSourceUsesItsOwnKeysAndBrokenChainsAreNamed() throws Exception {
        try (IamClient iam = Moto.client(IamClient.builder(), "us-east-1")) {
            iam.createRole(r -> r.roleName("SelfRole").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[]}"));
        }
        String role = "role_arn = arn:aws:iam::" + Moto.ACCOUNT + ":role/SelfRole\nrole_session_name = self\nendpoint_url = "
                + MotoServerExtension.endpoint() + "\n";
        profiles("[profile self]\n" + role + "source_profile = self\naws_access_key_id = testing\naws_secret_access_key = testing\n"
                + "[profile a]\n" + role + "source_profile = b\n[profile b]\n" + role + "source_profile = a\n"
                + "[profile nosource]\n" + role + "[profile oddsource]\n" + role + "credential_source = Vault\n");
        Path out = dir.resolve("scan");
        CliRun run = CliRun.of("scan", "--profile", "self", "--region", "us-east-1", "--services", "iam", "--out", out.toString(),
                "--format", "json", "--allow-collection-errors");
        assertTrue(Files.readString(out.resolve("snapshot.json")).contains("assumed-role/SelfRole/self"), run.out() + run.err());

        for (String[] c : List.of(new String[] {"a", "profile a is reached again through source_profile"},
                new String[] {"nosource", "profile nosource has role_arn but neither source_profile nor credential_source"},
                new String[] {"oddsource", "credential_source Vault is not one of Environment"})) {
            CliRun bad = CliRun.of("scan", "--profile", c[0], "--region", "us-east-1", "--out", dir.resolve("o-" + c[0]).toString());
            assertEquals(2, bad.exitCode(), c[0] + ": " + bad.out() + bad.err());
            assertTrue(bad.err().contains(c[1]), bad.err());
            assertFalse(bad.err().contains("Exception"), bad.err());
            assertFalse(Files.exists(dir.resolve("o-" + c[0])));
        }
    }

    /**
     * An IAM Identity Center (SSO) profile, as {@code aws sso login} leaves it: an sso-session, a
     * cached token under ~/.aws/sso/cache, account and role names. The SDK's SSO provider trades
     * the token for role credentials at the portal. WireMock stands in for the portal
     * (GetRoleCredentials, {@code GET /federation/credentials}, shaped as the IAM Identity Center
     * portal API reference documents it) because moto does not implement the portal; every other
     * call passes through it to moto, so the test sees which credentials the scan signed with.
     * A child process, because the SDK finds ~/.aws through the HOME variable.
     */
    @Test
    void ssoProfileTradesTheCachedTokenForRoleCredentials() throws Exception {
        WireMockServer front = proxyToMoto();
        try {
            front.stubFor(get(urlPathEqualTo("/federation/credentials")).withHeader("x-amz-sso_bearer_token", equalTo("cached-token"))
                    .withQueryParam("account_id", equalTo(Moto.ACCOUNT)).withQueryParam("role_name", equalTo("SecurityAudit"))
                    .atPriority(1)
                    .willReturn(okJson("{\"roleCredentials\":{\"accessKeyId\":\"ASIAFROMSSO0000001\",\"secretAccessKey\":\"s\","
                            + "\"sessionToken\":\"t\",\"expiration\":4102444800000}}")));
            Path home = dir.resolve("home");
            Files.createDirectories(home.resolve(".aws/sso/cache"));
            Files.writeString(home.resolve(".aws/config"), "[profile sso]\nsso_session = corp\nsso_account_id = " + Moto.ACCOUNT
                    + "\nsso_role_name = SecurityAudit\nregion = us-east-1\nendpoint_url = " + front.baseUrl() + "\n"
                    + "[sso-session corp]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\n"
                    + "sso_registration_scopes = sso:account:access\n");
            // The cache file is named by the SHA-1 of the session name, as the AWS CLI writes it.
            String sha1 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                    .digest("corp".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            Files.writeString(home.resolve(".aws/sso/cache/" + sha1 + ".json"), "{\"accessToken\":\"cached-token\","
                    + "\"expiresAt\":\"2099-01-01T00:00:00Z\",\"region\":\"us-east-1\",\"startUrl\":\"https://example.awsapps.com/start\"}");
            Path out = dir.resolve("scan");
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), "io.tenken.cli.Main", "scan", "--profile", "sso", "--region", "us-east-1",
                    "--services", "iam", "--out", out.toString(), "--format", "json", "--allow-collection-errors")
                    .redirectErrorStream(true);
            pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
            pb.environment().put("HOME", home.toString());
            // The portal is not the profile's service endpoint: the SDK's SSO client takes its own.
            pb.environment().put("AWS_ENDPOINT_URL_SSO", front.baseUrl());
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES), output);
            assertTrue(Files.exists(out.resolve("snapshot.json")), output);
            assertEquals(1, front.findAll(getRequestedFor(urlPathEqualTo("/federation/credentials"))).size(), output);
            assertFalse(front.findAll(postRequestedFor(anyUrl()).withHeader("Authorization", containing("Credential=ASIAFROMSSO0000001/")))
                    .isEmpty(), "the scan signs with the SSO role credentials");
            assertTrue(front.findAll(postRequestedFor(anyUrl()).withHeader("Authorization", containing("Credential=testing/"))).isEmpty());
        } finally {
            front.stop();
        }
    }

    private static WireMockServer proxyToMoto() {
        WireMockServer front = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().preserveHostHeader(true));
        front.start();
        front.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(MotoServerExtension.endpoint().toString())));
        return front;
    }

    /**
     * The errors a scan meets before it reads anything, with {@code --lang ja}: regions of two
     * partitions and a profile without credentials (a region outside the caller's partition cannot
     * be staged on moto, which answers STS in the partition of the region asked). Each is one Japanese line, exit 2, nothing written.
     */
    @Test
    void callerAndPartitionErrorsSpeakJapanese() throws Exception {
        profiles(motoProfile("moto", "us-east-1") + "[profile nokeys]\nregion = us-east-1\nendpoint_url = "
                + MotoServerExtension.endpoint() + "\n");
        Path out = dir.resolve("o");
        CliRun span = CliRun.of("scan", "--profile", "moto", "--region", "us-east-1,cn-north-1", "--out", out.toString(),
                "--lang", "ja");
        assertEquals(2, span.exitCode(), span.err());
        assertTrue(span.err().startsWith("エラー: --region: 指定したリージョンが複数のパーティション [aws, aws-cn] にまたがっている"),
                span.err());
        CliRun noKeys = CliRun.of("scan", "--profile", "nokeys", "--region", "us-east-1", "--out", out.toString(),
                "--lang", "ja");
        assertEquals(2, noKeys.exitCode(), noKeys.err());
        assertTrue(noKeys.err().startsWith("エラー: 呼び出し元を確認できない (sts GetCallerIdentity): "), noKeys.err());
        CliRun english = CliRun.of("scan", "--profile", "nokeys", "--region", "us-east-1", "--out", out.toString());
        assertTrue(english.err().startsWith("error: cannot identify the caller (sts GetCallerIdentity): "), english.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void missingProfileIsNamedWithTheFiles() throws Exception {
        profiles(motoProfile("moto", "eu-west-1"));
        CliRun run = CliRun.of("scan", "--profile", "nope", "--region", "us-east-1", "--out", dir.resolve("o").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("profile nope not found in " + dir.resolve("config")), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertFalse(Files.exists(dir.resolve("o")));
    }

    @Test
    void externalIdAndSessionNameReachAssumeRole() throws Exception {
        String role;
        try (IamClient iam = Moto.client(IamClient.builder(), "us-east-1")) {
            role = iam.createRole(r -> r.roleName("Audit").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[]}"))
                    .role().arn();
        }
        assertEquals(2, CliRun.of("scan", "--external-id", "x123", "--region", "us-east-1").exitCode(), "needs --role-arn");
        assertEquals(2, CliRun.of("scan", "--role-arn", role, "--role-session-name", "bad name!", "--region", "us-east-1").exitCode());
        // WireMock records what is sent and passes it to moto, which does not check external ids.
        WireMockServer front = proxyToMoto();
        try {
            profiles("[profile front]\nendpoint_url = " + front.baseUrl()
                    + "\naws_access_key_id = testing\naws_secret_access_key = testing\n");
            Path out = dir.resolve("scan");
            CliRun run = CliRun.of("scan", "--profile", "front", "--role-arn", role, "--external-id", "ext-123",
                    "--role-session-name", "audit-2026", "--region", "us-east-1", "--out", out.toString(), "--format", "json",
                    "--allow-collection-errors");
            assertTrue(Files.readString(out.resolve("snapshot.json")).contains("assumed-role/Audit/audit-2026"), run.out() + run.err());
            assertFalse(front.findAll(postRequestedFor(anyUrl()).withRequestBody(containing("ExternalId=ext-123"))
                    .withRequestBody(containing("Action=AssumeRole"))).isEmpty());
        } finally {
            front.stop();
        }
    }
}
