package io.tenken.collect;

import io.tenken.facts.BedrockLoggingConfig;
import io.tenken.facts.CustomModel;
import io.tenken.facts.Guardrail;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.CustomModelSummary;
import software.amazon.awssdk.services.bedrock.model.GetGuardrailResponse;
import software.amazon.awssdk.services.bedrock.model.GuardrailSummary;
import software.amazon.awssdk.services.bedrock.model.LoggingConfig;

/** Bedrock invocation logging, guardrails (working drafts) and custom models, per region. */
public final class BedrockCollector implements Collector {
    /** The calls this collector makes and what each one's failure leaves unknown (see {@link Calls}). */
    public static final Calls CALLS = Calls.of("bedrock")
            .lists("GetModelInvocationLoggingConfiguration", "bedrock:GetModelInvocationLoggingConfiguration",
                    BedrockLoggingConfig.class)
            .lists("ListGuardrails", "bedrock:ListGuardrails", Guardrail.class)
            .readsItem("GetGuardrail", "bedrock:GetGuardrail", Guardrail.class)
            .lists("ListCustomModels", "bedrock:ListCustomModels", CustomModel.class)
            .readsItem("GetCustomModel", "bedrock:GetCustomModel", CustomModel.class);

    @Override
    public Calls calls() {
        return CALLS;
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BedrockCollector.class);

    @Override
    public String service() {
        return "bedrock";
    }

    @Override
    public void collect(ServiceRun run, String region, FactSink sink) {
        if (!run.clients().offeredIn(BedrockClient.serviceMetadata(), service(), region)) {
            // No Bedrock endpoint in this region: nothing can be configured or used there.
            LOG.info("bedrock is not offered in {}; skipped", region);
            return;
        }
        BedrockClient c = run.clients().bedrock(region);
        var logging = run.call(region, "GetModelInvocationLoggingConfiguration", null,
                () -> java.util.Optional.ofNullable(c.getModelInvocationLoggingConfiguration(r -> { }).loggingConfig()));
        if (logging != null) {
            BedrockLoggingConfig cfg = logging(run, region, logging.orElse(null));
            sink.bedrockLogging.add(cfg);
            if (cfg.isConfigured()) {
                sink.bedrockRegions.add(region);
            }
        }
        List<GuardrailSummary> guardrails = run.call(region, "ListGuardrails", null,
                () -> c.listGuardrailsPaginator(r -> r.maxResults(100)).guardrails().stream().toList());
        if (guardrails != null) {
            run.forEach(guardrails, g -> guardrail(run, c, region, g, sink));
        }
        List<CustomModelSummary> models = run.call(region, "ListCustomModels", null,
                () -> c.listCustomModelsPaginator(r -> r.maxResults(100)).modelSummaries().stream().toList());
        if (models != null) {
            run.forEach(models, m -> {
                var got = run.call(region, "GetCustomModel", m.modelArn(), () -> c.getCustomModel(r -> r.modelIdentifier(m.modelArn())));
                sink.bedrockRegions.add(region);
                if (got != null) {
                    sink.customModels.add(CustomModel.builder().arn(m.modelArn()).name(m.modelName()).region(region)
                            .baseModelArn(m.baseModelArn()).kmsKeyArn(got.modelKmsKeyArn()).build());
                }
            });
        }
    }

    static BedrockLoggingConfig logging(ServiceRun run, String region, LoggingConfig l) {
        if (l != null && l.cloudWatchConfig() == null && l.s3Config() == null && l.textDataDeliveryEnabled() == null
                && l.imageDataDeliveryEnabled() == null && l.embeddingDataDeliveryEnabled() == null) {
            l = null; // an empty object (moto answers {} for a region without configuration)
        }
        var b = BedrockLoggingConfig.builder().accountId(run.accountId()).region(region).configured(l != null);
        if (l != null) {
            if (l.cloudWatchConfig() != null) {
                b.cloudWatchLogGroupName(l.cloudWatchConfig().logGroupName()).cloudWatchRoleArn(l.cloudWatchConfig().roleArn());
            }
            if (l.s3Config() != null) {
                b.s3BucketName(l.s3Config().bucketName()).s3KeyPrefix(l.s3Config().keyPrefix());
            }
            b.textDataDelivery(Boolean.TRUE.equals(l.textDataDeliveryEnabled()))
                    .imageDataDelivery(Boolean.TRUE.equals(l.imageDataDeliveryEnabled()))
                    .embeddingDataDelivery(Boolean.TRUE.equals(l.embeddingDataDeliveryEnabled()))
                    .videoDataDelivery(Boolean.TRUE.equals(l.videoDataDeliveryEnabled()));
        }
        return b.build();
    }

    private void guardrail(ServiceRun run, BedrockClient c, String region, GuardrailSummary s, FactSink sink) {
        sink.bedrockRegions.add(region);
        GetGuardrailResponse g = run.call(region, "GetGuardrail", s.arn(),
                () -> c.getGuardrail(r -> r.guardrailIdentifier(s.id())));
        if (g == null) {
            return;
        }
        List<Guardrail.ContentFilter> filters = new ArrayList<>();
        if (g.contentPolicy() != null && g.contentPolicy().hasFilters()) {
            // A filter switched off or set to detect only (action NONE) filters nothing.
            g.contentPolicy().filters().forEach(f -> filters.add(Guardrail.ContentFilter.builder()
                    .type(f.typeAsString())
                    .inputStrength(acts(f.inputEnabled(), f.inputActionAsString()) ? f.inputStrengthAsString() : "NONE")
                    .outputStrength(acts(f.outputEnabled(), f.outputActionAsString()) ? f.outputStrengthAsString() : "NONE")
                    .build()));
        }
        List<String> pii = new ArrayList<>();
        int regexes = 0;
        if (g.sensitiveInformationPolicy() != null) {
            if (g.sensitiveInformationPolicy().hasPiiEntities()) {
                g.sensitiveInformationPolicy().piiEntities().stream()
                        .filter(p -> masks(p.actionAsString(), p.inputEnabled(), p.inputActionAsString(),
                                p.outputEnabled(), p.outputActionAsString()))
                        .forEach(p -> pii.add(p.typeAsString() + ":" + p.actionAsString()));
            }
            if (g.sensitiveInformationPolicy().hasRegexes()) {
                regexes = (int) g.sensitiveInformationPolicy().regexes().stream()
                        .filter(r -> masks(r.actionAsString(), r.inputEnabled(), r.inputActionAsString(),
                                r.outputEnabled(), r.outputActionAsString()))
                        .count();
            }
        }
        sink.guardrails.add(Guardrail.builder().id(g.guardrailId()).arn(g.guardrailArn()).name(g.name()).region(region)
                .version(g.version()).status(g.statusAsString()).contentFilters(filters).piiEntityTypes(pii)
                .regexFilterCount(regexes).kmsKeyArn(g.kmsKeyArn()).build());
    }

    /** A direction acts when it is enabled (unset means enabled) and its action is not NONE. */
    static boolean acts(Boolean enabled, String action) {
        return !Boolean.FALSE.equals(enabled) && !"NONE".equals(action);
    }

    /** A sensitive-information entry that blocks or anonymizes in at least one direction. */
    static boolean masks(String action, Boolean inEnabled, String inAction, Boolean outEnabled, String outAction) {
        boolean legacy = "BLOCK".equals(action) || "ANONYMIZE".equals(action);
        boolean in = !Boolean.FALSE.equals(inEnabled) && ("BLOCK".equals(inAction) || "ANONYMIZE".equals(inAction)
                || (inAction == null && legacy));
        boolean out = !Boolean.FALSE.equals(outEnabled) && ("BLOCK".equals(outAction) || "ANONYMIZE".equals(outAction)
                || (outAction == null && legacy));
        return in || out;
    }
}
