package io.tenken.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenken.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Benchmark (not a test): an organisation in moto (Organizations CreateOrganization and
 * CreateAccount: the management account and {@code --accounts - 1} members), each account seeded
 * through a role assumed into it with a GenU-sized set of resources, then {@code tenken scan --org}
 * through {@link FaultyFront} (ListBuckets answered as AWS does; {@code --latency-ms} a call).
 * Prints the wall time, and per account its state, API calls and facts. Run with
 * src/bench/org-bench.sh [--accounts 20] [--account-concurrency 4] [--latency-ms 0]
 * [--buckets 12 --log-groups 40 --roles 25 --user-pools 1 --web-acls 2].
 */
public final class OrgBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OrgBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchAccount each = BenchAccount.parse(args, new int[] {12, 40, 25, 1, 2}, 0,
                Map.of("--accounts", "20", "--account-concurrency", "4"));
        int accounts = each.intOption("--accounts");
        int concurrency = each.intOption("--account-concurrency");
        int latency = each.latencyMs;
        List<String> regions = BenchAccount.REGIONS;
        MotoServerExtension.start();
        MotoServerExtension.reset();
        long t0 = System.nanoTime();
        OrganizationsClient orgs = Moto.client(OrganizationsClient.builder(), "us-east-1");
        orgs.createOrganization(r -> r.featureSet("ALL"));
        List<String> ids = new ArrayList<>(List.of(Moto.ACCOUNT));
        for (int i = 1; i < accounts; i++) {
            int k = i;
            ids.add(orgs.createAccount(r -> r.accountName("member-" + k).email("member-" + k + "@example.com"))
                    .createAccountStatus().accountId());
        }
        for (String id : ids) {
            Moto.seedAs(Moto.ACCOUNT.equals(id) ? Moto.CREDS : assumed(id), () -> {
                each.seed("a" + id + "-");
                // A member account moto creates has moto's unreadable Macie session (2 errors an account).
                MotoServerExtension.withoutMacie(regions);
                return null;
            });
        }
        System.out.printf("organisation of %d accounts, each seeded with %s in %.1f s; %d ms a call; %d accounts at a time%n",
                accounts, each, (System.nanoTime() - t0) / 1e9, latency, concurrency);

        Path out = Files.createTempDirectory("tenken-org-bench");
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        int code;
        long ms;
        try (FaultyFront front = new FaultyFront(MotoServerExtension.endpoint(), latency, 0).listBucketsAsAws()) {
            long start = System.nanoTime();
            code = Main.run(new String[] {"scan", "--org", "--role-name", "tenken-audit", "--endpoint-url",
                front.endpoint().toString(), "--region", regions.get(0), "--region", regions.get(1),
                "--account-concurrency", String.valueOf(concurrency), "--format", "json,html", "--out", out.toString()});
            ms = (System.nanoTime() - start) / 1_000_000;
        }
        System.out.printf("%n%-14s %-8s %8s %8s %8s %8s%n", "account", "state", "calls", "buckets", "logs", "errors");
        long total = 0;
        int scanned = 0;
        for (String id : ids.stream().sorted().toList()) {
            JsonNode account = JSON.readTree(out.resolve(id).resolve("account.json").toFile());
            Path snap = out.resolve(id).resolve("snapshot.json");
            long calls = 0;
            int buckets = 0;
            int logs = 0;
            int errors = 0;
            if (Files.exists(snap)) {
                JsonNode s = JSON.readTree(snap.toFile());
                for (JsonNode st : s.get("services")) {
                    calls += st.get("apiCalls").asLong();
                }
                buckets = s.at("/facts/buckets").size();
                logs = s.at("/facts/logGroups").size();
                errors = s.get("errors").size();
                scanned++;
            }
            total += calls;
            System.out.printf("%-14s %-8s %8d %8d %8d %8d%n", id, account.get("state").asText(), calls, buckets, logs, errors);
        }
        System.out.printf("%nexit code      %d%n", code);
        System.out.printf("wall time      %.1f s for %d accounts (%.1f s an account, %d at a time)%n", ms / 1000.0,
                ids.size(), ms / 1000.0 / ids.size(), concurrency);
        System.out.printf("API calls      %d (%.0f an account scanned)%n", total, total / (double) Math.max(1, scanned));
        System.out.println("output         " + out);
        System.exit(0);
    }

    private static AwsCredentialsProvider assumed(String account) {
        StsClient sts = Moto.client(StsClient.builder(), "us-east-1");
        var c = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/seed").roleSessionName("seed"))
                .credentials();
        return StaticCredentialsProvider.create(AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(),
                c.sessionToken()));
    }
}
