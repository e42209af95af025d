package io.tenken.template;

import io.tenken.facts.BedrockAgent;
import io.tenken.facts.KnowledgeBase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bedrock agents, knowledge bases and their data sources as {@code ListAgents},
 * {@code ListKnowledgeBases} and {@code GetDataSource} show them once deployed, so BEDROCK-06 and
 * BEDROCK-07 judge the templates: an {@code AWS::Bedrock::Agent}'s {@code GuardrailConfiguration},
 * an {@code AWS::Bedrock::KnowledgeBase} with every {@code AWS::Bedrock::DataSource} that names it
 * (by {@code Ref} or {@code GetAtt ... KnowledgeBaseId}) and the customer managed key of its
 * {@code ServerSideEncryptionConfiguration}. Absent settings take the service's defaults, stated
 * in the evidence.
 */
final class BedrockMapping {
    private final FactMapper mapper;
    /** Data sources by the knowledge base they name (its identity, or the identity's KnowledgeBaseId attribute). */
    private final Map<String, List<Res>> dataSources = new HashMap<>();

    BedrockMapping(FactMapper mapper) {
        this.mapper = mapper;
    }

    /** Attaching phase: an {@code AWS::Bedrock::DataSource}. */
    void dataSource(Res r) {
        String kb = r.text("KnowledgeBaseId");
        if (kb != null) {
            String id = kb.endsWith(".KnowledgeBaseId") ? kb.substring(0, kb.length() - ".KnowledgeBaseId".length()) : kb;
            dataSources.computeIfAbsent(id, k -> new ArrayList<>()).add(r);
        }
    }

    /** Primary phase: an {@code AWS::Bedrock::Agent}. */
    void agent(Res r) {
        String guardrail = r.text("GuardrailConfiguration.GuardrailIdentifier");
        if (!r.has("GuardrailConfiguration")) {
            r.note("GuardrailConfiguration absent = no guardrail" + FactMapper.SVC_DEFAULT);
        }
        boolean prepared = r.bool("AutoPrepare", false, ": the agent stays NOT_PREPARED until prepared" + FactMapper.SVC_DEFAULT);
        mapper.sink.bedrockAgents.add(BedrockAgent.builder().id(r.id()).arn(r.id()).name(FactMapper.nameOr(r, "AgentName"))
                .region(r.region()).status(prepared ? "PREPARED" : "NOT_PREPARED")
                .guardrailId(guardrail == null || guardrail.isBlank() ? null : guardrail)
                .guardrailVersion(r.text("GuardrailConfiguration.GuardrailVersion")).build());
        mapper.sink.bedrockRegions.add(r.region());
        mapper.locate(r.id(), r);
    }

    /** Primary phase: an {@code AWS::Bedrock::KnowledgeBase} with the data sources that name it. */
    void knowledgeBase(Res r) {
        List<KnowledgeBase.DataSource> out = new ArrayList<>();
        for (Res d : dataSources.getOrDefault(r.id(), List.of())) {
            String key = d.text("ServerSideEncryptionConfiguration.KmsKeyArn");
            if (!d.has("ServerSideEncryptionConfiguration.KmsKeyArn")) {
                d.note("ServerSideEncryptionConfiguration absent = an AWS owned key encrypts the ingested data"
                        + FactMapper.SVC_DEFAULT);
            }
            out.add(KnowledgeBase.DataSource.builder().id(d.id()).name(FactMapper.nameOr(d, "Name"))
                    .type(d.text("DataSourceConfiguration.Type")).kmsKeyArn(key == null || key.isBlank() ? null : key).build());
            // A data source with an unresolved setting leaves the knowledge base's verdict unknown.
            mapper.inheritErrors(d.id(), r.id());
            mapper.locate(d.id(), d);
        }
        out.sort(Comparator.comparing(KnowledgeBase.DataSource::getId));
        mapper.sink.knowledgeBases.add(KnowledgeBase.builder().id(r.id()).arn(r.id()).name(FactMapper.nameOr(r, "Name"))
                .region(r.region()).status("ACTIVE").dataSources(List.copyOf(out)).build());
        mapper.sink.bedrockRegions.add(r.region());
        mapper.locate(r.id(), r);
    }
}
