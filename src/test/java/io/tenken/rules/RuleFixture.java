package io.tenken.rules;

import io.tenken.facts.CollectionError;
import io.tenken.findings.Status;
import io.tenken.policy.Policy;
import io.tenken.snapshot.Facts;
import io.tenken.snapshot.ServiceStatus;
import io.tenken.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One rule's fixture file ({@code src/test/resources/rules/<RULE-ID>.json}): cases of facts,
 * optional policy, services and collection errors, and the exact status expected per resource.
 */
public record RuleFixture(String rule, List<Case> cases) {

    public record Case(String name, Facts facts, Policy policy, Map<String, ServiceStatus> services,
                       List<CollectionError> errors, Map<String, Status> expect,
                       com.fasterxml.jackson.databind.JsonNode template) {

        /**
         * A complete snapshot around the case's facts: every service collected unless the case says
         * otherwise. A template case (a CloudFormation template instead of facts, as
         * {@code fixture.template.json}: resource ids {@code fixture/LOGICAL_ID}) goes through the
         * template source and the derive stage, as {@code tenken template} runs it.
         */
        public Snapshot snapshot() {
            if (template != null) {
                try {
                    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("fixture");
                    java.nio.file.Path file = dir.resolve("fixture.template.json");
                    java.nio.file.Files.writeString(file, template.toString());
                    return io.tenken.derive.Derive.apply(io.tenken.template.TemplateSource.snapshot(List.of(file), null,
                            java.time.LocalDate.of(2026, 11, 1)));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            Map<String, ServiceStatus> svc = new TreeMap<>();
            if (services == null) {
                for (String s : io.tenken.TestSnapshots.SERVICES) {
                    svc.put(s, ServiceStatus.builder().regions(List.of("ap-northeast-1", "us-east-1")).build());
                }
            } else {
                svc.putAll(services);
            }
            return Snapshot.builder().schemaVersion(1).accountId("123456789012")
                    .regions(List.of("ap-northeast-1", "us-east-1")).collectedAt("2026-11-01T00:00:00Z")
                    .toolVersion("test").services(svc)
                    .errors(errors == null ? List.of() : new ArrayList<>(errors))
                    .facts(facts == null ? Facts.builder().build() : facts).build();
        }

        public Policy effectivePolicy() {
            return policy == null ? Policy.defaults() : policy;
        }
    }
}
