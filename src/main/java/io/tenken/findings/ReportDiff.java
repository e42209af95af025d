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
 * {@code score} and {@code baselineScore}: compliance over the concepts this report's findings
 * check ({@link ConceptScore}), now and in the baseline (a concept the baseline did not check is
 * not judged there), so "better or worse than last month" compares like with like.
 */
public record ReportDiff(String baselineSha256, String baselineSnapshotSha256, String baselineCollectedAt,
                         List<DiffEntry> newFailures, List<DiffEntry> resolved, List<DiffEntry> stillFailing,
                         List<DiffEntry> newlyWaived, List<DiffEntry> notEvaluated,
                         ConceptScore score, ConceptScore baselineScore) {
}
