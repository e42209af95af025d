package io.tenken.findings;

import java.util.List;

/**
 * This report against a baseline (an earlier report), keyed by rule id + resource id:
 * <ul>
 *   <li>{@code newFailures}: FAIL now, not FAIL in the baseline (absent, PASS, ERROR, N/A or WAIVED then);</li>
 *   <li>{@code resolved}: FAIL or WAIVED in the baseline, now PASS, N/A or gone;</li>
 *   <li>{@code stillFailing}: FAIL in both;</li>
 *   <li>{@code newlyWaived}: WAIVED now, not WAIVED in the baseline;</li>
 *   <li>{@code notEvaluated}: FAIL or WAIVED in the baseline, and now ERROR, or gone while its check
 *       has an ERROR (whatever resource id that ERROR carries): it could not be checked, so it is not
 *       resolved.</li>
 * </ul>
 */
public record ReportDiff(String baselineSha256, String baselineSnapshotSha256, String baselineCollectedAt,
                         List<DiffEntry> newFailures, List<DiffEntry> resolved, List<DiffEntry> stillFailing,
                         List<DiffEntry> newlyWaived, List<DiffEntry> notEvaluated) {
}
