package io.tenken.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tenken.facts.BedrockAgent;
import io.tenken.facts.KnowledgeBase;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bedrock agents and knowledge bases, served by WireMock: moto 5.2.5 has agents and knowledge
 * bases, but answers their createdAt/updatedAt as epoch seconds (the restJson protocol documents
 * ISO-8601 timestamps, so the Java SDK cannot read the answer), keeps no guardrail configuration
 * on agents and has no data sources (ListDataSources, GetDataSource). The stubs are shaped as the
 * Agents for Amazon Bedrock API reference documents ListAgents (whose summaries carry the guardrail), ListKnowledgeBases,
 * ListDataSources and GetDataSource; everything else (STS) is proxied to moto unchanged.
 */
@ExtendWith(MotoServerExtension.class)
class BedrockAgentCollectorTest {

    @Test
    void agentsWithTheirGuardrailAndKnowledgeBasesWithTheirDataSourceKeys() {
        String plain = "AGENTPLAIN1";
        String guarded = "AGENTGUARD1";
        String kb = "KBGENU0001";
        WireMockServer wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .preserveHostHeader(true).disableRequestJournal());
        wm.start();
        try {
            wm.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(MotoServerExtension.endpoint().toString())));
            wm.stubFor(post(urlPathEqualTo("/agents/")).atPriority(1).willReturn(json("""
                    {"agentSummaries":[
                      {"agentId":"%s","agentName":"genu-agent","agentStatus":"PREPARED","updatedAt":"2025-01-10T09:00:00Z"},
                      {"agentId":"%s","agentName":"guarded","agentStatus":"PREPARED","updatedAt":"2025-01-10T09:00:00Z",
                       "guardrailConfiguration":{"guardrailIdentifier":"gr0123456789","guardrailVersion":"1"}}]}"""
                    .formatted(plain, guarded))));
            wm.stubFor(post(urlPathEqualTo("/knowledgebases/")).atPriority(1).willReturn(json("""
                    {"knowledgeBaseSummaries":[{"knowledgeBaseId":"%s","name":"genu-kb","status":"ACTIVE",
                      "updatedAt":"2025-01-10T09:00:00Z"}]}""".formatted(kb))));
            wm.stubFor(post(urlPathEqualTo("/knowledgebases/" + kb + "/datasources/")).atPriority(1).willReturn(json("""
                    {"dataSourceSummaries":[
                      {"knowledgeBaseId":"%s","dataSourceId":"DS1CMK0000","name":"docs","status":"AVAILABLE","updatedAt":"2025-01-10T09:00:00Z"},
                      {"knowledgeBaseId":"%s","dataSourceId":"DS2AWS0000","name":"wiki","status":"AVAILABLE","updatedAt":"2025-01-10T09:00:00Z"}]}"""
                    .formatted(kb, kb))));
            wm.stubFor(get(urlPathEqualTo("/knowledgebases/" + kb + "/datasources/DS1CMK0000")).atPriority(1).willReturn(json("""
                    {"dataSource":{"knowledgeBaseId":"%s","dataSourceId":"DS1CMK0000","name":"docs","status":"AVAILABLE",
                      "dataSourceConfiguration":{"type":"S3","s3Configuration":{"bucketArn":"arn:aws:s3:::genu-rag-docs"}},
                      "serverSideEncryptionConfiguration":{"kmsKeyArn":"arn:aws:kms:us-east-1:%s:key/kb-key"},
                      "createdAt":"2025-01-10T09:00:00Z","updatedAt":"2025-01-10T09:00:00Z"}}""".formatted(kb, Moto.ACCOUNT))));
            wm.stubFor(get(urlPathEqualTo("/knowledgebases/" + kb + "/datasources/DS2AWS0000")).atPriority(1).willReturn(json("""
                    {"dataSource":{"knowledgeBaseId":"%s","dataSourceId":"DS2AWS0000","name":"wiki","status":"AVAILABLE",
                      "dataSourceConfiguration":{"type":"WEB","webConfiguration":{"sourceConfiguration":{"urlConfiguration":{"seedUrls":[{"url":"https://example.com"}]}}}},
                      "createdAt":"2025-01-10T09:00:00Z","updatedAt":"2025-01-10T09:00:00Z"}}""".formatted(kb))));

            var s = new Scanner().scan(Moto.options("us-east-1").services(List.of("bedrock-agent"))
                    .serviceEndpoints(Map.of("bedrock-agent", URI.create("http://127.0.0.1:" + wm.port()))).build());

            assertEquals(List.of(), s.getErrors(), () -> ScanTestSupport.describe(s.getErrors()));
            List<BedrockAgent> agents = s.getFacts().getBedrockAgents();
            BedrockAgent p = agents.stream().filter(a -> a.getId().equals(plain)).findFirst().orElseThrow();
            BedrockAgent g = agents.stream().filter(a -> a.getId().equals(guarded)).findFirst().orElseThrow();
            assertNull(p.getGuardrailId());
            assertEquals("gr0123456789", g.getGuardrailId());
            assertEquals("1", g.getGuardrailVersion());
            assertEquals("arn:aws:bedrock:us-east-1:" + Moto.ACCOUNT + ":agent/" + guarded, g.getArn());
            assertEquals(2 /* ListAgents, ListKnowledgeBases */ + 1 + 2 /* ListDataSources, GetDataSource x2 */,
                    s.getServices().get("bedrock-agent").getApiCalls());

            KnowledgeBase k = s.getFacts().getKnowledgeBases().get(0);
            assertEquals("genu-kb", k.getName());
            assertEquals("arn:aws:bedrock:us-east-1:" + Moto.ACCOUNT + ":knowledge-base/" + kb, k.getArn());
            assertEquals(2, k.getDataSources().size());
            assertEquals("arn:aws:kms:us-east-1:" + Moto.ACCOUNT + ":key/kb-key", k.getDataSources().get(0).getKmsKeyArn());
            assertEquals("S3", k.getDataSources().get(0).getType());
            assertNull(k.getDataSources().get(1).getKmsKeyArn());
            assertTrue(s.getFacts().getAccountSettings().getBedrockRegionsInUse().contains("us-east-1"));
        } finally {
            wm.stop();
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
