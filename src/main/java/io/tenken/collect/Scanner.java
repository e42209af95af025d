package io.tenken.collect;

import io.tenken.facts.AccountSettings;
import io.tenken.facts.CollectionError;
import io.tenken.facts.Resource;
import io.tenken.snapshot.Facts;
import io.tenken.snapshot.ServiceStatus;
import io.tenken.snapshot.Snapshot;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** Facade: collect every checklist service of one account into a {@link Snapshot}. */
public final class Scanner {
    private static final Logger LOG = LoggerFactory.getLogger(Scanner.class);

    /** Every collector, in the order they are started. */
    public static List<Collector> allCollectors() {
        return List.of(new IamCollector(), new S3Collector(), new LogsCollector(), new CognitoCollector(),
                new WafCollector(), new CloudFrontCollector(), new CloudTrailCollector(), new BedrockCollector(),
                new KmsCollector(), new Ec2Collector(), new ApiGatewayCollector(), new LambdaCollector(),
                new DynamoDbCollector(), new CognitoIdentityCollector(), new CloudWatchCollector(),
                SecurityServicesCollector.securityHub(), SecurityServicesCollector.guardDuty(),
                SecurityServicesCollector.macie(), SecurityServicesCollector.inspector());
    }

    /** Thrown when the scan cannot start at all (no usable credentials, no regions). */
    public static final class ScanException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ScanException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public Snapshot scan(ScanOptions options) {
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long t0 = System.nanoTime();
        try (AwsClients clients = new AwsClients(options)) {
            GetCallerIdentityResponse me;
            try {
                me = clients.sts().getCallerIdentity();
            } catch (RuntimeException e) {
                throw new ScanException("cannot identify the caller (sts GetCallerIdentity): "
                        + Errors.code(e) + " " + Errors.message(e), e);
            }
            long stsMs = (System.nanoTime() - t0) / 1_000_000;
            String partition = me.arn() != null && me.arn().startsWith("arn:") ? me.arn().split(":")[1] : "aws";
            List<String> regions = regions(options, clients);
            LOG.info("scanning account {} as {} in {}", me.account(), me.arn(), regions);

            List<Collector> collectors = allCollectors().stream()
                    .filter(c -> options.getServices().isEmpty() || options.getServices().contains(c.service())).toList();
            FactSink sink = new FactSink();
            CollectionRunner.Result result = new CollectionRunner(clients, options, me.account(), partition)
                    .run(collectors, regions, sink);

            Map<String, ServiceStatus> services = new TreeMap<>(result.services());
            services.put("sts", ServiceStatus.builder().status("COMPLETE").regions(List.of(Resource.GLOBAL))
                    .apiCalls(clients.calls("sts")).elapsedMs(stsMs).build());
            Snapshot s = Snapshot.builder()
                    .schemaVersion(Snapshot.CURRENT_SCHEMA_VERSION)
                    .accountId(me.account()).partition(partition)
                    .regions(List.copyOf(regions))
                    .collectedAt(started.toString())
                    .toolVersion(toolVersion())
                    .callerArn(me.arn())
                    .services(services)
                    .errors(List.copyOf(result.errors()))
                    .facts(facts(sink, me.account(), partition))
                    .build();
            LOG.info("scan finished in {} ms: {} API calls, {} collection errors",
                    (System.nanoTime() - t0) / 1_000_000,
                    services.values().stream().mapToLong(ServiceStatus::getApiCalls).sum(), s.getErrors().size());
            return s;
        }
    }

    private static List<String> regions(ScanOptions options, AwsClients clients) {
        if (!options.getRegions().isEmpty()) {
            return new ArrayList<>(new TreeSet<>(options.getRegions()));
        }
        String home = System.getenv().getOrDefault("AWS_REGION",
                System.getenv().getOrDefault("AWS_DEFAULT_REGION", AwsClients.GLOBAL_CALL_REGION));
        try {
            return clients.ec2(home).describeRegions().stream().sorted().toList();
        } catch (RuntimeException e) {
            throw new ScanException("cannot list the enabled regions (ec2 DescribeRegions): "
                    + Errors.code(e) + " " + Errors.message(e) + "; pass --region", e);
        }
    }

    /** The collected facts as collected: joins between kinds are the derive stage's ({@link io.tenken.derive.Derive}). */
    public static Facts facts(FactSink sink, String accountId, String partition) {
        AccountSettings account = AccountSettings.builder().accountId(accountId).partition(partition)
                .s3PublicAccessBlock(sink.accountPublicAccessBlock())
                .iamPasswordPolicy(sink.passwordPolicy())
                .bedrockRegionsInUse(List.copyOf(new TreeSet<>(sink.bedrockRegions)))
                .build();
        return Facts.builder()
                .accountSettings(account)
                .userPools(FactSink.sorted(sink.userPools, p -> p.getRegion(), p -> p.getId()))
                .userPoolClients(FactSink.sorted(sink.userPoolClients, c -> c.getRegion(), c -> c.getUserPoolId(), c -> c.getClientId()))
                .webAcls(FactSink.sorted(sink.webAcls, a -> a.getRegion(), a -> a.getScope(), a -> a.getArn()))
                .wafRules(FactSink.sorted(sink.wafRules, r -> r.getWebAclArn(), r -> r.getPriority(), r -> r.getName()))
                .ipSets(FactSink.sorted(sink.ipSets, s -> s.getRegion(), s -> s.getScope(), s -> s.getArn()))
                .cloudFrontDistributions(FactSink.sorted(sink.distributions, d -> d.getId()))
                .buckets(FactSink.sorted(sink.buckets, b -> b.getName()))
                .trails(FactSink.sorted(sink.trails, t -> t.getArn()))
                .logGroups(FactSink.sorted(sink.logGroups, g -> g.getRegion(), g -> g.getName()))
                .bedrockLoggingConfigs(FactSink.sorted(sink.bedrockLogging, b -> b.getRegion()))
                .guardrails(FactSink.sorted(sink.guardrails, g -> g.getRegion(), g -> g.getArn()))
                .customModels(FactSink.sorted(sink.customModels, m -> m.getRegion(), m -> m.getArn()))
                .iamPrincipals(FactSink.sorted(sink.iamPrincipals, p -> p.getType(), p -> p.getArn()))
                .iamPolicies(FactSink.sorted(sink.iamPolicies, p -> p.getArn()))
                .policyStatements(FactSink.sorted(sink.policyStatements, s -> s.getPolicyArn(), s -> s.getIndex()))
                .credentialReportRows(FactSink.sorted(sink.credentialReport, r -> r.isRoot() ? "0" : "1", r -> r.getUser()))
                .kmsKeys(FactSink.sorted(sink.kmsKeys, k -> k.getRegion(), k -> k.getArn()))
                .vpcEndpoints(FactSink.sorted(sink.vpcEndpoints, e -> e.getRegion(), e -> e.getId()))
                .apiMethods(FactSink.sorted(sink.apiMethods, m -> m.getRegion(), m -> m.getRestApiId(), m -> m.getPath(),
                        m -> m.getHttpMethod()))
                .apiStages(FactSink.sorted(sink.apiStages, g -> g.getRegion(), g -> g.getRestApiId(), g -> g.getStageName()))
                .lambdaFunctions(FactSink.sorted(sink.lambdaFunctions, f -> f.getRegion(), f -> f.getName()))
                .dynamoTables(FactSink.sorted(sink.dynamoTables, t -> t.getRegion(), t -> t.getName()))
                .identityPools(FactSink.sorted(sink.identityPools, p -> p.getRegion(), p -> p.getId()))
                .metricAlarms(FactSink.sorted(sink.metricAlarms, a -> a.getRegion(), a -> a.getName()))
                .metricFilters(FactSink.sorted(sink.metricFilters, f -> f.getRegion(), f -> f.getLogGroupName(), f -> f.getName(),
                        f -> f.getMetricNamespace(), f -> f.getMetricName()))
                .securityServices(FactSink.sorted(sink.securityServices, x -> x.getRegion(), x -> x.getService()))
                .build();
    }

    public static String toolVersion() {
        try (InputStream in = Scanner.class.getResourceAsStream("/tenken/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** True when any error is an access denial (by code, or HTTP 403 without one). */
    public static boolean anyAccessDenied(List<CollectionError> errors) {
        return errors.stream().anyMatch(e -> Errors.isAccessDenied(e.getErrorCode()));
    }
}
