package io.tenken.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tenken.collect.Calls;
import io.tenken.facts.Fallible;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every field a collector declares it fills (see {@link Calls}) can be unknown, so its getter
 * must report reads ({@code Reads.of}); otherwise the engine could not tell which verdicts read it.
 */
class UnknownFieldsTest {
    @Test
    void everyDeclaredFieldHasAGetterThatReportsReads() {
        List<String> missing = new ArrayList<>();
        for (Calls calls : Calls.catalog()) {
            for (Calls.Call call : calls.all()) {
                for (Class<?> kind : call.kinds()) {
                    for (String field : call.fields()) {
                        if (!Fallible.ALL_FIELDS.equals(field) && !UnknownState.reportsReads(kind, field)) {
                            missing.add(kind.getSimpleName() + "." + field + " (filled by " + calls.service() + " "
                                    + call.operation() + "): write its getter as `return Reads.of(this, \""
                                    + field + "\", " + field + ");`");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyKindACallNamesIsAFact() {
        for (Calls calls : Calls.catalog()) {
            for (Calls.Call call : calls.all()) {
                for (Class<?> kind : call.kinds()) {
                    assertEquals("io.tenken.facts", kind.getPackageName(), call.toString());
                }
            }
        }
    }
}
