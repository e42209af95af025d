package io.tenken.template;

import io.tenken.InvalidInputException;
import io.tenken.facts.AccountSettings;
import io.tenken.facts.CollectionError;
import io.tenken.facts.Resource;
import io.tenken.snapshot.Facts;
import io.tenken.snapshot.LoadedSnapshot;
import io.tenken.snapshot.ServiceStatus;
import io.tenken.snapshot.Snapshot;
import io.tenken.snapshot.SnapshotSource;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The template source: CloudFormation templates or a CDK cloud assembly → a {@link Snapshot}
 * of the same facts a scan collects, before anything is deployed.
 * <p>
 * What a template cannot show is never read as compliant. Account-level settings (the account
 * public access block, the IAM password policy and credential report, Bedrock invocation
 * logging, CloudTrail) are ERROR ({@link io.tenken.engine.AccountLevelRules}) unless an account
 * snapshot supplies them: then the gate judges "this deployment in that account". Values only known after deployment are recorded as {@code Unresolved} on the
 * resource that reads them, with the expression.
 */
public final class TemplateSource {
    /** Services whose facts templates declare; cloudtrail is account-level (any trail in the account counts). */
    static final List<String> SERVICES = List.of("apigateway", "bedrock", "bedrock-agent", "cloudfront", "cloudtrail",
            "cloudwatch", "cognito-identity", "cognito-idp", "dynamodb", "ec2", "iam", "kms", "lambda", "logs", "s3", "sts",
            "wafv2");
    /**
     * Account-level services whose status, facts and errors an account snapshot gives: CloudTrail
     * (the account's trails, beside the templates' own), CloudWatch alarms and metric filters, and
     * the security services.
     */
    static final List<String> ACCOUNT_SERVICES = List.of("cloudtrail", "cloudwatch", "guardduty", "inspector2", "macie2",
            "securityhub");

    private TemplateSource() {
    }

    /** As of today (UTC). */
    public static Snapshot snapshot(List<Path> paths, LoadedSnapshot accountSnapshot) {
        return snapshot(paths, accountSnapshot, LocalDate.now(ZoneOffset.UTC));
    }

    /**
     * The templates' facts, judged as of {@code asOf}: a template snapshot's {@code collectedAt}
     * is the start of that day (UTC), so date-based rules (a Lambda runtime past its deprecation
     * date) judge the deployment as it would be deployed that day, and the same templates give the
     * same bytes all day (and always, with {@code --as-of}). With an account snapshot, its
     * collection time stands, as its account-level facts are measured from it.
     */
    public static Snapshot snapshot(List<Path> paths, LoadedSnapshot accountSnapshot, LocalDate asOf) {
        List<Stack> stacks = AssemblyReader.read(paths);
        Assembly assembly = new Assembly(stacks);
        FactMapper mapper = new FactMapper(assembly);
        mapper.map();

        TreeSet<String> accounts = new TreeSet<>();
        TreeSet<String> regions = new TreeSet<>();
        for (Stack s : stacks) {
            if (s.account() != null) {
                accounts.add(s.account());
            }
            if (s.region() != null) {
                regions.add(s.region());
            }
        }
        if (accounts.size() > 1) {
            throw InvalidInputException.of("error.severalAccounts", paths.get(0), accounts.toString());
        }
        Snapshot live = accountSnapshot == null ? null : accountSnapshot.snapshot();
        String account = accounts.isEmpty() ? (live != null ? live.getAccountId() : "unknown") : accounts.first();
        if (live != null && !accounts.isEmpty() && !live.getAccountId().equals(account)) {
            throw InvalidInputException.of("error.accountSnapshot", live.getAccountId(), account);
        }
        String partition = regions.isEmpty() ? "aws" : Resolver.partition(regions.first());
        if (regions.isEmpty()) {
            regions.add("unknown");
        }

        Map<String, ServiceStatus> services = new TreeMap<>();
        for (String service : SERVICES) {
            services.put(service, ServiceStatus.builder().status("COMPLETE")
                    .regions(service.equals("iam") || service.equals("cloudfront") || service.equals("sts")
                            ? List.of(Resource.GLOBAL) : List.copyOf(regions)).build());
        }
        List<CollectionError> errors = new ArrayList<>(mapper.errors);
        Facts facts = mapper.withUnknownFields(mapper.sink.facts(account, partition));
        if (live != null) {
            facts = withAccountFacts(facts, live.getFacts());
            for (String service : ACCOUNT_SERVICES) {
                ServiceStatus st = live.getServices().get(service);
                if (st != null) {
                    services.put(service, st);
                }
            }
            live.getErrors().stream().filter(e -> ACCOUNT_SERVICES.contains(e.getService())
                    || e.getResourceId() != null && accountLevel(e, account, partition)).forEach(errors::add);
        }
        errors.sort(Comparator.comparing((CollectionError e) -> String.valueOf(e.getService()))
                .thenComparing(e -> String.valueOf(e.getResourceId())).thenComparing(e -> String.valueOf(e.getOperation())));

        SnapshotSource source = SnapshotSource.builder().kind(SnapshotSource.TEMPLATE)
                .inputs(paths.stream().map(AssemblyReader::display).toList())
                .stacks(stacks.stream().map(Stack::name).sorted().toList())
                .templates(stacks.stream().sorted(Comparator.comparing(Stack::name))
                        .map(s -> s.template().displayPath()).toList())
                .accountSnapshotSha256(accountSnapshot == null ? null : accountSnapshot.sha256())
                .resources(List.copyOf(mapper.locations.values())).build();
        return Snapshot.builder().schemaVersion(Snapshot.CURRENT_SCHEMA_VERSION).accountId(account)
                .partition(partition).regions(List.copyOf(regions)).collectedAt(live == null ? asOf.atStartOfDay(ZoneOffset.UTC).toInstant().toString() : live.getCollectedAt())
                .toolVersion(io.tenken.Version.get()).callerArn(live == null ? null : live.getCallerArn())
                .services(services).errors(List.copyOf(errors)).facts(facts).source(source).build();
    }

    private static boolean accountLevel(CollectionError e, String account, String partition) {
        return e.getResourceId().equals("arn:" + partition + ":iam::" + account + ":root")
                || e.getResourceId().endsWith(":model-invocation-logging");
    }

    /**
     * The templates' alarms or metric filters beside the account's: both watch the deployment
     * (an account alarm by the deployed names, a template alarm by reference). One the account
     * has under the same id is the template's, as deployed.
     */
    private static <T extends Resource> List<T> union(List<T> template, List<T> live) {
        java.util.Set<String> declared = new java.util.HashSet<>();
        template.forEach(x -> declared.add(x.getResourceId()));
        List<T> out = new ArrayList<>(template);
        live.stream().filter(x -> !declared.contains(x.getResourceId())).forEach(out::add);
        return out;
    }

    /** The template's facts plus the account snapshot's account-level ones. */
    static Facts withAccountFacts(Facts template, Facts live) {
        AccountSettings settings = live.getAccountSettings() == null ? template.getAccountSettings()
                : live.getAccountSettings();
        // The templates' trails replace a live trail of the same name and home region (an update).
        java.util.Set<String> declared = new java.util.HashSet<>();
        template.getTrails().forEach(t -> declared.add(t.getName() + "\u0000" + t.getHomeRegion()));
        List<io.tenken.facts.Trail> trails = new ArrayList<>(template.getTrails());
        live.getTrails().stream().filter(t -> !declared.contains(t.getName() + "\u0000" + t.getHomeRegion()))
                .forEach(trails::add);
        return template.toBuilder().accountSettings(settings).trails(trails)
                .securityServices(live.getSecurityServices())
                .metricAlarms(union(template.getMetricAlarms(), live.getMetricAlarms()))
                .metricFilters(union(template.getMetricFilters(), live.getMetricFilters()))
                .bedrockLoggingConfigs(live.getBedrockLoggingConfigs())
                .credentialReportRows(live.getCredentialReportRows()).build();
    }
}
