package io.tenken.engine;

import io.tenken.checks.CheckResult;
import io.tenken.facts.AccountRegion;
import io.tenken.facts.AccountSettings;
import io.tenken.facts.Resource;
import io.tenken.findings.Message;
import io.tenken.findings.Status;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.definition.rule.Rule;

/**
 * The rules' one global. A consequence states a verdict on one resource with its evidence as
 * message keys and arguments, observed first, then expected:
 * <pre>
 * verdicts.check($b, ok).observed("S3-01.encryption", alg, bucketKey).expected("S3-01.expected");
 * </pre>
 * The types allow no other order, and a verdict is only recorded once both are given; a
 * started verdict left without {@code expected(...)}, a key missing from a language, or a
 * wrong number of arguments fails the evaluation. Which rule is firing is set by the engine's
 * agenda listener, so a DRL file never repeats its own id in code.
 */
public final class Verdicts {
    /** What one rule said about one resource, before collection errors are overlaid. */
    public record Verdict(Rule rule, String resourceId, String region, Scope scope,
                          Status status, Message observed, Message expected) {
    }

    /** What a verdict is about: one resource, or an aggregate over a region or the whole account. */
    public enum Scope { RESOURCE, REGION, ACCOUNT }

    private final List<Verdict> verdicts = new ArrayList<>();
    private final MessageCatalog messages;
    private final java.util.Map<Message, Message> shared = new java.util.HashMap<>();
    private Rule current;
    private Pending pending;

    Verdicts(MessageCatalog messages) {
        this.messages = messages;
    }

    void firing(Rule rule) {
        requireNothingPending();
        this.current = rule;
    }

    /** PASS when {@code compliant}, else FAIL; continue with {@code .observed(...).expected(...)}. */
    public Observed check(Resource resource, boolean compliant) {
        return start(resource, compliant ? Status.PASS : Status.FAIL);
    }

    public Observed pass(Resource resource) {
        return start(resource, Status.PASS);
    }

    public Observed fail(Resource resource) {
        return start(resource, Status.FAIL);
    }

    /** A helper's verdict ({@code io.tenken.checks}), whose evidence is already messages. */
    public void check(Resource resource, CheckResult result) {
        start(resource, result.compliant() ? Status.PASS : Status.FAIL);
        record(result.observed(), result.expected());
    }

    /** The second step of a verdict: what was observed. */
    public final class Observed {
        private Observed() {
        }

        public Expected observed(String key, Object... args) {
            return new Expected(Message.of(key, args));
        }

        /** A message a helper built (e.g. {@code Describe.trail($t)}). */
        public Expected observed(Message message) {
            return new Expected(message);
        }
    }

    /** The last step of a verdict: what the rule expected. Records it. */
    public final class Expected {
        private final Message observed;

        private Expected(Message observed) {
            this.observed = observed;
        }

        public void expected(String key, Object... args) {
            record(observed, Message.of(key, args));
        }

        public void expected(Message message) {
            record(observed, message);
        }
    }

    private record Pending(Resource resource, Status status) {
    }

    private Observed start(Resource resource, Status status) {
        if (current == null) {
            throw new IllegalStateException("verdict outside a rule consequence");
        }
        requireNothingPending();
        pending = new Pending(resource, status);
        return new Observed();
    }

    private void record(Message observed, Message expected) {
        if (pending == null) {
            throw new IllegalStateException("rule " + current.getName() + ": evidence given twice for one verdict");
        }
        try {
            messages.check(observed);
            messages.check(expected);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("rule \"" + current.getName() + "\": " + e.getMessage(), e);
        }
        Resource resource = pending.resource();
        Scope scope = resource instanceof AccountSettings ? Scope.ACCOUNT
                : resource instanceof AccountRegion ? Scope.REGION : Scope.RESOURCE;
        verdicts.add(new Verdict(current, resource.getResourceId(), resource.getRegion(), scope, pending.status(),
                shared(observed), shared(expected)));
        pending = null;
    }

    /** Evidence repeats across resources ("retention not set"): a million verdicts share one copy of each. */
    private static final int MAX_SHARED = 10_000;

    private Message shared(Message m) {
        if (m == null) {
            return null;
        }
        Message known = shared.get(m);
        if (known != null) {
            return known;
        }
        if (shared.size() < MAX_SHARED) {
            shared.put(m, m);
        }
        return m;
    }

    private void requireNothingPending() {
        if (pending != null) {
            throw new IllegalStateException("rule \"" + current.getName()
                    + "\": verdicts.check(...) without .observed(...).expected(...)");
        }
    }

    List<Verdict> all() {
        requireNothingPending();
        return verdicts;
    }
}
