package io.tenken.engine;

import io.tenken.facts.AccountRegion;
import io.tenken.facts.AccountSettings;
import io.tenken.facts.Resource;
import io.tenken.findings.Status;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.definition.rule.Rule;

/**
 * The rules' one global: a rule's consequence calls {@link #check} with the resource and the
 * evidence. Which rule is firing is set by the engine's agenda listener, so a DRL file never
 * repeats its own id in code.
 */
public final class Verdicts {
    /** What one rule said about one resource, before collection errors are overlaid. */
    public record Verdict(Rule rule, String resourceId, String region, Scope scope,
                          Status status, String observed, String expected) {
    }

    /** What a verdict is about: one resource, or an aggregate over a region or the whole account. */
    public enum Scope { RESOURCE, REGION, ACCOUNT }

    private final List<Verdict> verdicts = new ArrayList<>();
    private Rule current;

    void firing(Rule rule) {
        this.current = rule;
    }

    public void check(Resource resource, boolean compliant, String observed, String expected) {
        add(resource, compliant ? Status.PASS : Status.FAIL, observed, expected);
    }

    public void pass(Resource resource, String observed, String expected) {
        add(resource, Status.PASS, observed, expected);
    }

    public void fail(Resource resource, String observed, String expected) {
        add(resource, Status.FAIL, observed, expected);
    }

    private void add(Resource resource, Status status, String observed, String expected) {
        if (current == null) {
            throw new IllegalStateException("verdict outside a rule consequence");
        }
        Scope scope = resource instanceof AccountSettings ? Scope.ACCOUNT
                : resource instanceof AccountRegion ? Scope.REGION : Scope.RESOURCE;
        verdicts.add(new Verdict(current, resource.getResourceId(), resource.getRegion(), scope, status,
                observed, expected));
    }

    List<Verdict> all() {
        return verdicts;
    }
}
