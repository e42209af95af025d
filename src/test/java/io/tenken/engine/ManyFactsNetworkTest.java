package io.tenken.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.facts.Bucket;
import io.tenken.facts.LogGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.core.reteoo.RightInputAdapterNode;
import org.junit.jupiter.api.Test;

/**
 * A million facts fit in 2 GB only while no bundled rule makes every bucket or log group wait in
 * a join's memory (the right input of a join, exists, not or collect holds a tuple for every fact
 * that reaches it: 112 bytes each, several per fact, was 1.4 GB at a million facts). Such a rule
 * starts with the many-of-a-kind fact, or reaches it through {@code lookup} (see README, "Many
 * facts of a kind"). This test reads the compiled network, so a new rule that joins every bucket
 * fails here rather than in {@code src/bench/engine.sh}.
 */
class ManyFactsNetworkTest {

    @Test
    void noRuleHoldsEveryBucketOrLogGroupInAJoinsMemory() {
        InternalRuleBase base = (InternalRuleBase) RulePack.bundled().kieBase();
        List<String> joins = new ArrayList<>();
        int seen = 0;
        for (ObjectTypeNode otn : base.getRete().getObjectTypeNodes()) {
            Class<?> type = otn.getObjectType() instanceof org.drools.base.base.ClassObjectType c ? c.getClassType() : null;
            if (type == Bucket.class || type == LogGroup.class) {
                seen++;
                rightInputs(otn.getObjectSinkPropagator().getSinks(), type.getSimpleName(), joins);
            }
        }
        assertEquals(2, seen, "the network has a type node for Bucket and for LogGroup");
        assertEquals(List.of(), joins, "rules whose join memory holds every such fact");
    }

    /**
     * A pattern over the lookup is analysed as the same pattern without {@code from}: no bundled
     * rule falls back to "reads every kind, every field" (which would turn verdicts ERROR over any
     * unknown anywhere in the account).
     */
    @Test
    void lookupPatternsAreAnalysedAsPlainPatterns() {
        RulePack pack = RulePack.bundled();
        List<String> unanalysed = new ArrayList<>();
        int lookups = 0;
        for (org.kie.api.definition.KiePackage p : pack.kieBase().getKiePackages()) {
            for (org.kie.api.definition.rule.Rule rule : p.getRules()) {
                RuleReads reads = pack.reads(rule);
                if (reads.quantified().stream().anyMatch(q -> q.kind() == Object.class)) {
                    unanalysed.add(rule.getName());
                }
                if (rule.getName().equals("CloudTrail bucket has versioning or Object Lock")) {
                    // $t : Trail()  $b : Bucket( name == $t.s3BucketName ) from lookup.buckets(...)
                    assertEquals(Bucket.class, reads.boundKinds().get("$b"));
                    assertTrue(reads.boundFields("$b").contains("name"), reads.boundFields("$b").toString());
                    lookups++;
                }
                if (rule.getName().equals("Log buckets expire objects by lifecycle (named)")) {
                    // collect( Bucket( accessLogTargetBucket == $b.name ) from lookup.bucketsLoggingTo(...) )
                    assertTrue(reads.quantified().stream().anyMatch(q -> q.kind() == Bucket.class
                            && q.fields().contains("accessLogTargetBucket")), reads.quantified().toString());
                    lookups++;
                }
            }
        }
        assertEquals(2, lookups);
        assertEquals(List.of(), unanalysed);
    }

    /** The check above can fail: a rule that joins every bucket to a trail is found. */
    @Test
    void theCheckSeesAJoinOfEveryBucket(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path rules = java.nio.file.Files.createDirectories(dir.resolve("rules"));
        java.nio.file.Files.writeString(rules.resolve("join.drl"), """
                package custom;
                import io.tenken.facts.Bucket;
                import io.tenken.facts.Trail;
                global io.tenken.engine.Verdicts verdicts;
                rule "Joins every bucket"
                    @id("CUSTOM-01") @severity("LOW") @service("s3") @concepts("s3.encryption")
                when
                    $t : Trail()
                    $b : Bucket( name == $t.s3BucketName )
                then
                    verdicts.pass($b).observed("CUSTOM-01.x").expected("CUSTOM-01.x");
                end
                """);
        InternalRuleBase base = (InternalRuleBase) RulePack.withOverrides(rules).kieBase();
        List<String> joins = new ArrayList<>();
        for (ObjectTypeNode otn : base.getRete().getObjectTypeNodes()) {
            if (otn.getObjectType() instanceof org.drools.base.base.ClassObjectType c && c.getClassType() == Bucket.class) {
                rightInputs(otn.getObjectSinkPropagator().getSinks(), "Bucket", joins);
            }
        }
        assertTrue(joins.stream().anyMatch(j -> j.contains("Joins every bucket")), joins.toString());
    }

    private static void rightInputs(ObjectSink[] sinks, String kind, List<String> out) {
        for (ObjectSink sink : sinks) {
            if (sink instanceof AlphaNode alpha) {
                rightInputs(alpha.getObjectSinkPropagator().getSinks(), kind, out);
            } else if (sink instanceof RightInputAdapterNode<?> right) {
                TreeSet<String> rules = new TreeSet<>();
                for (org.kie.api.definition.rule.Rule r : right.getAssociatedRules()) {
                    rules.add(r.getName());
                }
                out.add(kind + " in the right input of " + rules);
            }
        }
    }
}
