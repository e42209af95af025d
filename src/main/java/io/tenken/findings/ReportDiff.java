package io.tenken.findings;

import java.util.List;

/**
 * This report against a baseline (an earlier report), keyed by rule id + resource id:
 * <ul>
 *   <li>{@code newFailures}: FAIL now, not FAIL in the baseline (absent, PASS, ERROR, N/A or WAIVED then);</li>
 *   <li>{@code resolved}: FAIL or WAIVED in the baseline, now PASS, N/A or gone;</li>
 *   <li>{@code stillFailing}: FAIL in both;</li>
 *   <li>{@code newlyWaived}: WAIVED now, not WAIVED in the baseline.</li>
 * </ul>
 * A FAIL that became ERROR is in none of them: it could not be checked, so it is not resolved.
 */
public record ReportDiff(String baselineSha256, String baselineSnapshotSha256, String baselineCollectedAt,
                         List<DiffEntry> newFailures, List<DiffEntry> resolved, List<DiffEntry> stillFailing,
                         List<DiffEntry> newlyWaived) {
}
