package io.tenken.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
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
        System.clearProperty("aws.endpointUrlSts");
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
    void roleArnAndSourceProfileFromTheProfile() throws Exception {
        try (IamClient iam = Moto.client(IamClient.builder(), "us-east-1")) {
            iam.createRole(r -> r.roleName("ProfileRole").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[]}"));
        }
        profiles(motoProfile("base", "us-east-1") + "[profile assumed]\nrole_arn = arn:aws:iam::" + Moto.ACCOUNT
                + ":role/ProfileRole\nsource_profile = base\nrole_session_name = from-profile\nregion = us-east-1\nendpoint_url = "
                + MotoServerExtension.endpoint() + "\n");
        Path out = dir.resolve("scan");
        // The SDK's own STS client for role_arn reads no endpoint_url: point it at moto as
        // AWS_ENDPOINT_URL_STS would (its system-property form), as a user of a local stack does.
        System.setProperty("aws.endpointUrlSts", MotoServerExtension.endpoint().toString());
        CliRun run = CliRun.of("scan", "--profile", "assumed", "--region", "us-east-1", "--out", out.toString(), "--format", "json",
                "--allow-collection-errors");
        assertTrue(Files.exists(out.resolve("snapshot.json")), run.out() + run.err());
        String snapshot = Files.readString(out.resolve("snapshot.json"));
        assertTrue(snapshot.contains("assumed-role/ProfileRole/from-profile"), run.out() + run.err());
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
        WireMockServer front = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().preserveHostHeader(true));
        front.start();
        try {
            front.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(MotoServerExtension.endpoint().toString())));
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
