package io.tenken.findings;

import java.util.List;

/** How completely one service was collected: shown so an auditor sees what the scan could see. */
public record ServiceCoverage(String service, String status, List<String> regions, long apiCalls,
                              long elapsedMs, int errors) {
}
