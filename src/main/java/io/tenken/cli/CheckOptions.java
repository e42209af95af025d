package io.tenken.cli;

import io.tenken.pipeline.CheckSelection;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Check filters shared by every command that judges (scan, evaluate, template): Prowler's names. */
public final class CheckOptions {
    @Option(names = "--checks", split = ",", paramLabel = "ID",
            description = "Only these checks (rule ids, comma-separated or repeated), e.g. S3-01,IAM-02.")
    List<String> checks = new ArrayList<>();

    @Option(names = {"--exclude-checks", "--excluded-checks"}, split = ",", paramLabel = "ID",
            description = "Leave out these checks (--excluded-checks, as Prowler spells it, works too).")
    List<String> excluded = new ArrayList<>();

    @Option(names = "--services", split = ",", paramLabel = "SERVICE",
            description = "Only checks of these services (s3, iam, cognito-idp, ...); a scan collects only what they need.")
    List<String> services = new ArrayList<>();

    @Option(names = "--severity", split = ",", paramLabel = "LEVEL",
            description = "Only checks of these severities: critical, high, medium, low, info.")
    List<String> severities = new ArrayList<>();

    public CheckSelection selection() {
        return new CheckSelection(checks, excluded, services, severities.stream().map(CheckSelection::severity).toList());
    }
}
