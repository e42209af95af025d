package io.tenken.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.facts.BedrockAgent;
import io.tenken.facts.KnowledgeBase;
import io.tenken.findings.Finding;
import io.tenken.findings.Report;
import io.tenken.findings.Status;
import io.tenken.snapshot.Snapshot;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Bedrock agents, knowledge bases and data sources from a template: the facts the collectors
 * produce, so BEDROCK-06/07 judge what is about to be deployed, with the service defaults stated.
 */
class TemplateBedrockTest {
    static final Snapshot S = TemplateResolutionTest.snapshot(TemplateResolutionTest.DIR.resolve("bedrock/agents.yaml"));
    static final Report R = TemplateResolutionTest.report(S);

    static Map<String, Finding> findings(String rule) {
        return R.findings().stream().filter(f -> f.ruleId().equals(rule))
                .collect(Collectors.toMap(Finding::resourceId, f -> f, (a, b) -> a, TreeMap::new));
    }

    static java.util.List<String> defaults(String resourceId) {
        return S.getSource().getResources().stream().filter(r -> r.getResourceId().equals(resourceId)).findFirst()
                .orElseThrow().getDefaults();
    }

    @Test
    void agentsCarryTheirGuardrail() {
        Map<String, BedrockAgent> agents = S.getFacts().getBedrockAgents().stream()
                .collect(Collectors.toMap(BedrockAgent::getName, a -> a));
        BedrockAgent guarded = agents.get("guarded");
        assertEquals("agents/GuardedAgent", guarded.getArn());
        assertEquals("agents/Guardrail.GuardrailId", guarded.getGuardrailId());
        assertEquals("DRAFT", guarded.getGuardrailVersion());
        assertEquals("PREPARED", guarded.getStatus());
        assertNull(agents.get("bare").getGuardrailId());
        assertEquals("NOT_PREPARED", agents.get("bare").getStatus());
        assertTrue(defaults("agents/BareAgent").contains("GuardrailConfiguration absent = no guardrail (service default)"),
                defaults("agents/BareAgent").toString());
        assertTrue(agents.get("imported").getUnknown().containsKey("guardrailId"));

        Map<String, Finding> f = findings("BEDROCK-06");
        assertEquals(Status.PASS, f.get("agents/GuardedAgent").status());
        assertEquals(Status.FAIL, f.get("agents/BareAgent").status());
        Finding imported = f.get("agents/ImportedAgent");
        assertEquals(Status.ERROR, imported.status(), R.text(imported.observed()));
        assertTrue(R.text(imported.observed()).contains("GuardrailNobodyExports")
                && R.text(imported.observed()).contains("agents.yaml:"), R.text(imported.observed()));
    }

    @Test
    void knowledgeBasesCarryTheDataSourcesThatNameThemAndTheirKeys() {
        Map<String, KnowledgeBase> kbs = S.getFacts().getKnowledgeBases().stream()
                .collect(Collectors.toMap(KnowledgeBase::getName, k -> k));
        KnowledgeBase docs = kbs.get("docs");
        assertEquals(1, docs.getDataSources().size());
        assertEquals("docs-bucket", docs.getDataSources().get(0).getName());
        assertEquals("S3", docs.getDataSources().get(0).getType());
        assertEquals("agents/Key", docs.getDataSources().get(0).getKmsKeyArn(), "GetAtt Arn is the key's identity");
        KnowledgeBase wiki = kbs.get("wiki");
        assertEquals("wiki-pages", wiki.getDataSources().get(0).getName(), "named through GetAtt KnowledgeBaseId");
        assertNull(wiki.getDataSources().get(0).getKmsKeyArn());
        assertTrue(defaults("agents/WikiSource").contains(
                "ServerSideEncryptionConfiguration absent = an AWS owned key encrypts the ingested data (service default)"),
                defaults("agents/WikiSource").toString());

        Map<String, Finding> f = findings("BEDROCK-07");
        assertEquals(Status.PASS, f.get("agents/Docs").status(), R.text(f.get("agents/Docs").observed()));
        assertEquals(Status.FAIL, f.get("agents/Wiki").status(), R.text(f.get("agents/Wiki").observed()));
    }
}
