package io.tenken.collect;

import io.tenken.facts.BedrockAgent;
import io.tenken.facts.KnowledgeBase;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.bedrockagent.BedrockAgentClient;
import software.amazon.awssdk.services.bedrockagent.model.AgentSummary;
import software.amazon.awssdk.services.bedrockagent.model.DataSourceSummary;
import software.amazon.awssdk.services.bedrockagent.model.KnowledgeBaseSummary;

/**
 * Bedrock agents (ListAgents, whose summaries carry the guardrail: BEDROCK-06) and knowledge bases
 * (ListKnowledgeBases, ListDataSources and GetDataSource for the data sources' customer
 * managed key: BEDROCK-07), per region. A service of its own, so a failure here does not
 * make the invocation-logging and guardrail checks of the bedrock service unknown.
 */
public final class BedrockAgentCollector implements Collector {
    /** The calls this collector makes and what each one's failure leaves unknown (see {@link Calls}). */
    public static final Calls CALLS = Calls.of("bedrock-agent")
            .lists("ListAgents", "bedrock:ListAgents", BedrockAgent.class)
            .lists("ListKnowledgeBases", "bedrock:ListKnowledgeBases", KnowledgeBase.class)
            .fills("ListDataSources", "bedrock:ListDataSources", KnowledgeBase.class, "dataSources")
            .fills("GetDataSource", "bedrock:GetDataSource", KnowledgeBase.class, "dataSources");

    @Override
    public Calls calls() {
        return CALLS;
    }
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BedrockAgentCollector.class);

    @Override
    public String service() {
        return "bedrock-agent";
    }

    @Override
    public void collect(ServiceRun run, String region, FactSink sink) {
        if (!run.clients().offeredIn(BedrockAgentClient.serviceMetadata(), service(), region)) {
            LOG.info("bedrock-agent is not offered in {}; skipped", region);
            return;
        }
        BedrockAgentClient c = run.clients().bedrockAgent(region);
        List<AgentSummary> agents = run.call(region, "ListAgents", null,
                () -> c.listAgentsPaginator(r -> r.maxResults(100)).agentSummaries().stream().toList());
        if (agents != null) {
            agents.forEach(a -> agent(run, region, a, sink));
        }
        List<KnowledgeBaseSummary> kbs = run.call(region, "ListKnowledgeBases", null,
                () -> c.listKnowledgeBasesPaginator(r -> r.maxResults(100)).knowledgeBaseSummaries().stream().toList());
        if (kbs != null) {
            run.forEach(kbs, kb -> knowledgeBase(run, c, region, kb, sink));
        }
    }

    /** The ListAgents summary carries the guardrail configuration: no GetAgent per agent. */
    private static void agent(ServiceRun run, String region, AgentSummary s, FactSink sink) {
        sink.bedrockRegions.add(region);
        var g = s.guardrailConfiguration();
        sink.bedrockAgents.add(BedrockAgent.builder().id(s.agentId())
                .arn(run.arn("bedrock", region, "agent/" + s.agentId())).name(s.agentName()).region(region)
                .status(s.agentStatusAsString())
                .guardrailId(g == null || g.guardrailIdentifier() == null || g.guardrailIdentifier().isBlank() ? null
                        : g.guardrailIdentifier())
                .guardrailVersion(g == null ? null : g.guardrailVersion()).build());
    }

    private static void knowledgeBase(ServiceRun run, BedrockAgentClient c, String region, KnowledgeBaseSummary s,
                                      FactSink sink) {
        sink.bedrockRegions.add(region);
        String arn = run.arn("bedrock", region, "knowledge-base/" + s.knowledgeBaseId());
        KnowledgeBase.KnowledgeBaseBuilder kb = KnowledgeBase.builder().id(s.knowledgeBaseId()).arn(arn)
                .name(s.name()).region(region).status(s.statusAsString());
        List<DataSourceSummary> sources = run.call(region, "ListDataSources", arn,
                () -> c.listDataSourcesPaginator(r -> r.knowledgeBaseId(s.knowledgeBaseId()).maxResults(100))
                        .dataSourceSummaries().stream().toList());
        if (sources == null) {
            sink.knowledgeBases.add(kb.build());
            return;
        }
        List<KnowledgeBase.DataSource> out = new ArrayList<>();
        for (DataSourceSummary d : sources) {
            var ds = run.call(region, "GetDataSource", arn,
                    () -> c.getDataSource(r -> r.knowledgeBaseId(s.knowledgeBaseId()).dataSourceId(d.dataSourceId()))
                            .dataSource());
            if (ds == null) {
                continue; // the recorded error (resource = the knowledge base) makes its verdict ERROR
            }
            var sse = ds.serverSideEncryptionConfiguration();
            out.add(KnowledgeBase.DataSource.builder().id(ds.dataSourceId()).name(ds.name())
                    .type(ds.dataSourceConfiguration() == null ? null : ds.dataSourceConfiguration().typeAsString())
                    .kmsKeyArn(sse == null || sse.kmsKeyArn() == null || sse.kmsKeyArn().isBlank() ? null : sse.kmsKeyArn())
                    .build());
        }
        out.sort(java.util.Comparator.comparing(KnowledgeBase.DataSource::getId));
        sink.knowledgeBases.add(kb.dataSources(List.copyOf(out)).build());
    }
}
