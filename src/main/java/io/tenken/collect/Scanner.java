package io.tenken.collect;

import io.tenken.facts.AccountSettings;
import io.tenken.facts.CollectionError;
import io.tenken.facts.Resource;
import io.tenken.findings.Message;
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
                new BedrockAgentCollector(), new KmsCollector(), new Ec2Collector(), new ApiGatewayCollector(), new LambdaCollector(),
                new DynamoDbCollector(), new CognitoIdentityCollector(), new CloudWatchCollector(),
                SecurityServicesCollector.securityHub(), SecurityServicesCollector.guardDuty(),
                SecurityServicesCollector.macie(), SecurityServicesCollector.inspector());
    }

    /** Thrown when the scan cannot start at all (no usable credentials, no regions); the message is a key with arguments. */
    public static final class ScanException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Message text;

        public ScanException(Message text, Throwable cause) {
            super(io.tenken.report.Labels.texts("en").format(text), cause);
            this.text = text;
        }

        /** What went wrong, to be printed in the run's language. */
        public Message text() {
            return text;
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
                throw new ScanException(Message.of("error.callerIdentity", Errors.credentialsProblem(e)
                        .orElseGet(() -> Message.of("error.awsError", Errors.code(e), Errors.message(e)))), e);
            }
            long stsMs = (System.nanoTime() - t0) / 1_000_000;
            String partition = me.arn() != null && me.arn().startsWith("arn:") ? Regions.partitionOfArn(me.arn()) : "aws";
            List<String> regions = regions(options, clients, partition);
            LOG.info("scanning account {} as {} in {}", me.account(), me.arn(), regions);

            List<Collector> collectors = allCollectors().stream()
                    .filter(c -> options.getServices().isEmpty() || options.getServices().contains(c.service())).toList();
            FactSink sink = new FactSink();
            CollectionRunner.Result result = new CollectionRunner(clients, options, me.account(), partition)
                    .run(collectors, regions, sink);

            Map<String, ServiceStatus> services = new TreeMap<>(result.services());
            services.put("sts", ServiceStatus.builder().status("COMPLETE").regions(List.of(Resource.GLOBAL))
                    .apiCalls(clients.calls("sts")).calls(clients.callsByOperation("sts")).elapsedMs(stsMs).build());
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
            // The evidence names, on each fact, the fields a failed call left unknown.
            return io.tenken.engine.UnknownAnnotator.annotate(s);
        }
    }

    private static List<String> regions(ScanOptions options, AwsClients clients, String partition) {
        if (!options.getRegions().isEmpty()) {
            for (String r : options.getRegions()) {
                if (Regions.known().contains(r) && !Regions.partition(r).equals(partition)) {
                    throw new ScanException(Message.of("error.partition", r, Regions.partition(r), partition), null);
                }
            }
            return new ArrayList<>(new TreeSet<>(options.getRegions()));
        }
        String home = options.getHomeRegion() != null ? options.getHomeRegion() : AwsProfiles.homeRegion(options.getProfile());
        try {
            return clients.ec2(home).describeRegions().stream().sorted().toList();
        } catch (RuntimeException e) {
            throw new ScanException(Message.of("error.describeRegions", Errors.code(e), Errors.message(e)), e);
        }
    }

    /** The collected facts as collected: joins between kinds are the derive stage's ({@link io.tenken.derive.Derive}). */
    public static Facts facts(FactSink sink, String accountId, String partition) {
        return sink.facts(accountId, partition);
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
