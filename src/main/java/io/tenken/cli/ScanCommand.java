package io.tenken.cli;

import io.tenken.InvalidInputException;
import io.tenken.collect.AwsClients;
import io.tenken.collect.AwsProfiles;
import io.tenken.collect.Regions;
import io.tenken.collect.ScanOptions;
import io.tenken.org.Account;
import io.tenken.org.AccountSelection;
import io.tenken.org.OrgAccounts;
import io.tenken.org.OrgReport;
import io.tenken.org.OrgReportWriter;
import io.tenken.org.OrgScan;
import java.util.Set;
import io.tenken.collect.Scanner;
import io.tenken.pipeline.Analysis;
import io.tenken.pipeline.Sources;
import io.tenken.snapshot.Snapshot;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tenken scan --out DIR}: collect a live account (read-only) into {@code DIR/snapshot.json},
 * then evaluate and render it exactly as {@code tenken evaluate DIR/snapshot.json} would.
 */
@Command(name = "scan", mixinStandardHelpOptions = true)
final class ScanCommand implements Callable<Integer> {
    static final String POLICY_RESOURCE = "iam/tenken-scan-policy.json";
    static final int FIRST_FAILED_CALLS = 5;

    @Option(names = "--region", paramLabel = "REGION", split = ",")
    List<String> regions = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "NAME")
    String profile;

    @Option(names = "--role-arn", paramLabel = "ARN")
    String roleArn;

    @Option(names = "--role-session-name", paramLabel = "NAME")
    String roleSessionName = "tenken-scan";

    @Option(names = "--endpoint-url", paramLabel = "URL")
    String endpointUrl;

    @Option(names = "--concurrency", paramLabel = "N")
    int concurrency = 16;

    @Option(names = "--out", paramLabel = "DIR")
    Path out = Path.of(OutputFolder.DEFAULT);

    @Option(names = "--print-iam-policy")
    boolean printPolicy;

    @Mixin
    ReportOptions options;

    @Mixin
    OrgOptions org;

    @Mixin
    GateOptions gate;

    @Mixin
    AuditOptions audit;

    @Override
    public Integer call() throws Exception {
        if (printPolicy) {
            System.out.print(scanPolicy());
            return ExitCodes.OK;
        }
        OutputFolder.check(out);
        // Validate every input before calling AWS or writing anything.
        gate.validate(audit.hasBaseline());
        org.validate(roleArn);
        Analysis analysis = Analysis.prepare(audit.applyTo(options.config()).build());
        // The rule pack (and the check selection) is validated before any AWS call, not after a long
        // scan; a selection of checks collects only the services they read.
        ScanOptions scanOptions = scanOptions().toBuilder().services(analysis.servicesNeeded())
                .bucketTags(analysis.needsBucketTags()).build();
        if (org.active()) {
            return scanOrganisation(analysis, scanOptions);
        }
        Path snapshotFile = out.resolve("snapshot.json");
        // Evaluate the file as written: the same bytes `tenken evaluate` would read.
        Analysis.Result result = analysis.run(Sources.written(() -> scan(scanOptions), snapshotFile), out);
        Snapshot snapshot = result.snapshot().snapshot();
        List<Path> files = new ArrayList<>();
        files.add(snapshotFile);
        files.addAll(result.files());
        SummaryPrinter.print(System.out, io.tenken.report.Labels.format(io.tenken.report.Labels.forLanguage(
                result.report().metadata().lang()), "cli.scanOf", snapshot.getAccountId()), result.report(), files);
        // Any failed call outranks failures, even one no current rule depends on (ExitCodes).
        int code = gate.exitCode(result.report());
        if (!snapshot.getErrors().isEmpty()) {
            System.out.println("  " + io.tenken.report.Labels.format(io.tenken.report.Labels.forLanguage(
                    result.report().metadata().lang()), "cli.failedCalls", snapshot.getErrors().size()));
            printFirstFailedCalls(snapshot);
        }
        System.out.println("  " + gate.explainLine(code, result.report().metadata().lang()));
        return code;
    }

    /** Every selected account into {@code out/<account-id>/}, then the organisation report in {@code out}. */
    private int scanOrganisation(Analysis analysis, ScanOptions base) throws java.io.IOException {
        List<Account> accounts;
        if (org.org) {
            try (AwsClients clients = new AwsClients(base)) {
                accounts = OrgAccounts.list(clients);
            } catch (RuntimeException e) {
                System.err.println("tenken: " + io.tenken.report.Labels.format(io.tenken.report.Labels.forLanguage(
                        options.lang()), "cli.orgListFailed", SummaryPrinter.oneLine(e.getMessage())));
                return ExitCodes.COLLECTION_ERRORS;
            }
            Set<String> only = org.accountIds();
            if (!only.isEmpty()) {
                accounts = accounts.stream().filter(a -> only.contains(a.id())).toList();
            }
        } else {
            accounts = org.accountIds().stream().map(id -> new Account(id, null)).toList();
        }
        List<Account> selected = AccountSelection.select(accounts, org.excludedIds(), org.shard());
        String partition;
        if (!base.getRegions().isEmpty()) {
            partition = Regions.partitionOf(base.getRegions());
        } else {
            // No region given: the member roles live in the caller's own partition.
            try (AwsClients clients = new AwsClients(base)) {
                partition = clients.callerPartition();
            } catch (RuntimeException e) {
                System.err.println("tenken: cannot identify the caller (sts GetCallerIdentity) to build the member"
                        + " role ARNs: " + e.getMessage());
                return ExitCodes.COLLECTION_ERRORS;
            }
        }
        System.out.println(io.tenken.report.Labels.format(io.tenken.report.Labels.forLanguage(options.lang()),
                "cli.scanningAccounts", selected.size(), org.accountConcurrency));
        new OrgScan(base.toBuilder().progress(false).build(), org.roleName, org.externalId, partition,
                org.accountConcurrency).run(selected, analysis, out, gate::exitCode);
        OrgReport report = OrgReport.read(List.of(out), out, options.lang());
        OrgSummary.print(report, OrgReportWriter.write(report, out));
        return report.exitCode();
    }

    private static Snapshot scan(ScanOptions scanOptions) {
        try {
            return new Scanner().scan(scanOptions);
        } catch (Scanner.ScanException e) {
            throw new InvalidInputException(e.text());
        }
    }

    ScanOptions scanOptions() {
        URI endpoint = null;
        if (endpointUrl != null) {
            try {
                endpoint = URI.create(endpointUrl);
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("error.notHttpUrl", endpointUrl);
            }
            if (endpoint.getScheme() == null || endpoint.getHost() == null) {
                throw InvalidInputException.of("error.notHttpUrl", endpointUrl);
            }
        }
        if (concurrency < 1 || concurrency > 64) {
            throw InvalidInputException.of("error.between", "--concurrency", 1, 64);
        }
        List<String> checkedRegions = Regions.validate(regions);
        Regions.partitionOf(checkedRegions);
        // --external-id (declared once, in OrgOptions) serves --role-arn as well as the member roles of --org.
        String externalId = org.externalId;
        if (roleArn == null && !org.active() && (externalId != null || !"tenken-scan".equals(roleSessionName))) {
            throw InvalidInputException.of("error.needsRoleArn", externalId != null ? "--external-id" : "--role-session-name");
        }
        if (!roleSessionName.matches("[\\w+=,.@-]{2,64}")) {
            throw InvalidInputException.of("error.roleSessionName", roleSessionName);
        }
        if (externalId != null && !externalId.matches("[\\w+=,.@:/-]{2,1224}")) {
            throw InvalidInputException.of("error.externalId");
        }
        AwsProfiles.require(profile);
        return ScanOptions.builder().regions(checkedRegions).profile(profile).roleArn(roleArn).externalId(externalId)
                .roleSessionName(roleSessionName).endpointUrl(endpoint).perServiceConcurrency(concurrency).build();
    }

    /** The first few failed calls, so the cause is on screen, not only in the snapshot. */
    static void printFirstFailedCalls(Snapshot snapshot) {
        snapshot.getErrors().stream().limit(FIRST_FAILED_CALLS).forEach(e -> System.out.println("    " + e.getService() + " "
                + e.getOperation() + " (" + e.getRegion() + ")" + (e.getResourceId() != null ? " " + e.getResourceId() : "")
                + ": " + e.getErrorCode() + (e.getMessage() == null || e.getMessage().isEmpty() ? "" : " " + e.getMessage())));
    }

    static String scanPolicy() throws java.io.IOException {
        try (InputStream in = ScanCommand.class.getClassLoader().getResourceAsStream(POLICY_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + POLICY_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
