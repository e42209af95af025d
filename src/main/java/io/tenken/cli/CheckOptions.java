package io.tenken.cli;

import io.tenken.pipeline.CheckSelection;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Check filters shared by every command that judges (scan, evaluate, template): Prowler's names. */
public final class CheckOptions {
    @Option(names = "--checks", split = ",", paramLabel = "ID")
    List<String> checks = new ArrayList<>();

    @Option(names = {"--exclude-checks", "--excluded-checks"}, split = ",", paramLabel = "ID")
    List<String> excluded = new ArrayList<>();

    @Option(names = "--services", split = ",", paramLabel = "SERVICE")
    List<String> services = new ArrayList<>();

    @Option(names = "--severity", split = ",", paramLabel = "LEVEL")
    List<String> severities = new ArrayList<>();

    public CheckSelection selection() {
        return new CheckSelection(checks, excluded, services, severities.stream().map(CheckSelection::severity).toList());
    }
}
