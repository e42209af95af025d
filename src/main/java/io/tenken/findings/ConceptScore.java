package io.tenken.findings;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compliance counted over checklist concepts: a concept counts once, as good as its worst
 * finding (FAIL over ERROR over WAIVED over PASS over N/A). Compliant when that is PASS;
 * failing, unknown (ERROR) and waived otherwise; a concept that is N/A everywhere is not judged.
 * The one definition behind the report's score, its per-section and per-service bars and the
 * score at a baseline.
 */
public record ConceptScore(int compliant, int failing, int unknown, int waived) {
    @JsonProperty("judged")
    public int judged() {
        return compliant + failing + unknown + waived;
    }

    /** Whole percent, rounded down, so 99.6 % never reads as 100 %. */
    @JsonProperty("percent")
    public int percent() {
        return judged() == 0 ? 0 : compliant * 100 / judged();
    }

    /** The score of concepts given their worst status. */
    public static ConceptScore of(Collection<Status> worstPerConcept) {
        int ok = 0;
        int fail = 0;
        int unknown = 0;
        int waived = 0;
        for (Status s : worstPerConcept) {
            switch (s) {
                case PASS -> ok++;
                case FAIL -> fail++;
                case ERROR -> unknown++;
                case WAIVED -> waived++;
                default -> {
                }
            }
        }
        return new ConceptScore(ok, fail, unknown, waived);
    }

    /**
     * The score of findings given as (concepts, status) pairs, counting only the concepts in
     * {@code only} (all when null): two reports compare over the same concepts.
     */
    public static <T> ConceptScore of(Collection<T> findings, java.util.function.Function<T, ? extends Collection<String>> concepts,
                                      java.util.function.Function<T, Status> status, Set<String> only) {
        Map<String, Status> worst = new TreeMap<>();
        for (T f : findings) {
            for (String c : concepts.apply(f)) {
                if (only == null || only.contains(c)) {
                    worst.merge(c, status.apply(f), ConceptScore::worse);
                }
            }
        }
        return of(worst.values());
    }

    /** FAIL over ERROR over WAIVED over PASS over N/A: the concept is as good as its worst finding. */
    public static Status worse(Status a, Status b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(Status s) {
        return switch (s) {
            case NOT_APPLICABLE -> 0;
            case PASS -> 1;
            case WAIVED -> 2;
            case ERROR -> 3;
            case FAIL -> 4;
        };
    }
}
