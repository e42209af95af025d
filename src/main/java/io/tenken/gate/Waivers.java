package io.tenken.gate;

import io.tenken.findings.AppliedWaiver;
import io.tenken.findings.Finding;
import io.tenken.findings.Report;
import io.tenken.findings.Status;
import io.tenken.findings.WaiverStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a waiver file to a report. Only FAIL findings can be waived (ERROR means "could not
 * see" and is never hidden; PASS and N/A need no waiver). The first matching in-force waiver in
 * file order applies. Expired waivers do not apply and are listed; in-force waivers that
 * matched no FAIL are listed as unused.
 */
public final class Waivers {
    private Waivers() {
    }

    /** A typo in a rule id would waive nothing and say nothing: an unknown id is an input error. */
    public static void requireKnownRules(WaiverFile file, java.util.Collection<String> ruleIds) {
        for (Waiver w : file.waivers()) {
            if (!ruleIds.contains(w.ruleId())) {
                throw io.tenken.InvalidInputException.of("error.waiver.unknownRule", file.file(),
                        WaiverFile.entryName(w.index(), w.ruleId()), w.ruleId());
            }
        }
    }

    public static Report apply(Report report, WaiverFile file, LocalDate asOf) {
        List<Waiver> ws = file.waivers();
        int[] applied = new int[ws.size()];
        int[] wouldMatch = new int[ws.size()];
        List<Finding> out = new ArrayList<>(report.findings().size());
        for (Finding f : report.findings()) {
            Finding result = f;
            if (f.status() == Status.FAIL) {
                for (Waiver w : ws) {
                    if (!w.matches(f.ruleId(), f.resourceId())) {
                        continue;
                    }
                    if (!w.activeOn(asOf)) {
                        wouldMatch[w.index()]++;
                        continue;
                    }
                    if (result == f) {
                        applied[w.index()]++;
                        result = f.waivedBy(new AppliedWaiver(w.index(), w.resource(), w.reason(), w.approvedBy(),
                                w.expires().toString()));
                    }
                }
            }
            out.add(result);
        }
        List<WaiverStatus> statuses = new ArrayList<>();
        for (Waiver w : ws) {
            String state;
            int matched;
            if (!w.activeOn(asOf)) {
                state = WaiverStatus.EXPIRED;
                matched = wouldMatch[w.index()];
            } else {
                matched = applied[w.index()];
                state = matched > 0 ? WaiverStatus.ACTIVE : WaiverStatus.UNUSED;
            }
            statuses.add(new WaiverStatus(w.index(), w.ruleId(), w.resource(), w.reason(), w.approvedBy(),
                    w.expires().toString(), state, matched));
        }
        return report.withFindings(List.copyOf(out), List.copyOf(statuses))
                .withMetadata(report.metadata().withWaivers(file.sha256(), asOf.toString()));
    }
}
