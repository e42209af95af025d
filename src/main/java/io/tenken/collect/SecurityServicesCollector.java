package io.tenken.collect;

import io.tenken.facts.SecurityService;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The state of one regional security service in every scanned region, read through that
 * service's own status API. One instance per service: {@link #securityHub()}, {@link #guardDuty()},
 * {@link #macie()}, {@link #inspector()}. A region where the service was never enabled yields a
 * fact with {@code enabled=false} (the API's documented "not enabled" answer), never a missing fact.
 */
public final class SecurityServicesCollector implements Collector {
    private interface Reader {
        void read(ServiceRun run, String region, FactSink sink);
    }

    private final String service;
    private final Reader reader;

    /** Each service's calls; a failed one leaves that region's SecurityService facts incomplete. */
    private static final java.util.Map<String, Calls> CALLS = java.util.Map.of(
            "securityhub", Calls.of("securityhub")
                    .lists("DescribeHub", "securityhub:DescribeHub", SecurityService.class)
                    .lists("GetEnabledStandards", "securityhub:GetEnabledStandards", SecurityService.class),
            "guardduty", Calls.of("guardduty")
                    .lists("ListDetectors", "guardduty:ListDetectors", SecurityService.class)
                    .lists("GetDetector", "guardduty:GetDetector", SecurityService.class),
            "macie2", Calls.of("macie2")
                    .lists("GetMacieSession", "macie2:GetMacieSession", SecurityService.class),
            "inspector2", Calls.of("inspector2")
                    .lists("BatchGetAccountStatus", "inspector2:BatchGetAccountStatus", SecurityService.class));

    @Override
    public Calls calls() {
        return CALLS.get(service);
    }

    private SecurityServicesCollector(String service, Reader reader) {
        this.service = service;
        this.reader = reader;
    }

    @Override
    public String service() {
        return service;
    }

    @Override
    public void collect(ServiceRun run, String region, FactSink sink) {
        reader.read(run, region, sink);
    }

    private static SecurityService.SecurityServiceBuilder fact(ServiceRun run, String service, String region) {
        return SecurityService.builder().service(service).accountId(run.accountId()).region(region);
    }

    /** DescribeHub (InvalidAccessException: not subscribed) and GetEnabledStandards. */
    public static SecurityServicesCollector securityHub() {
        return new SecurityServicesCollector("securityhub", (run, region, sink) -> {
            var c = run.clients().securityhub(region);
            var hub = run.callOrAbsent(region, "DescribeHub", null, () -> c.describeHub(r -> { }).hubArn(),
                    "InvalidAccessException", "ResourceNotFoundException");
            if (hub.isFailed()) {
                return;
            }
            if (!hub.isOk()) {
                sink.securityServices.add(fact(run, "securityhub", region).enabled(false).features(List.of()).build());
                return;
            }
            var standards = run.call(region, "GetEnabledStandards", null,
                    () -> c.getEnabledStandardsPaginator(r -> r.maxResults(100)).standardsSubscriptions().stream().toList());
            if (standards == null) {
                return;
            }
            TreeSet<String> ready = new TreeSet<>();
            standards.forEach(s -> {
                if ("READY".equals(s.standardsStatusAsString())) {
                    ready.add(s.standardsArn());
                }
            });
            sink.securityServices.add(fact(run, "securityhub", region).enabled(true).status("ENABLED")
                    .features(List.copyOf(ready)).build());
        });
    }

    /** ListDetectors and GetDetector: enabled when a detector is ENABLED; its ENABLED features. */
    public static SecurityServicesCollector guardDuty() {
        return new SecurityServicesCollector("guardduty", (run, region, sink) -> {
            var c = run.clients().guardduty(region);
            List<String> ids = run.call(region, "ListDetectors", null,
                    () -> c.listDetectorsPaginator(r -> r.maxResults(50)).detectorIds().stream().toList());
            if (ids == null) {
                return;
            }
            String status = null;
            TreeSet<String> features = new TreeSet<>();
            for (String id : ids) {
                var d = run.call(region, "GetDetector", null, () -> c.getDetector(r -> r.detectorId(id)));
                if (d == null) {
                    return;
                }
                if ("ENABLED".equals(d.statusAsString())) {
                    status = "ENABLED";
                    d.features().forEach(f -> {
                        if ("ENABLED".equals(f.statusAsString())) {
                            features.add(f.nameAsString());
                        }
                    });
                } else if (status == null) {
                    status = d.statusAsString();
                }
            }
            sink.securityServices.add(fact(run, "guardduty", region).enabled("ENABLED".equals(status)).status(status)
                    .features(List.copyOf(features)).build());
        });
    }

    /** GetMacieSession (AccessDeniedException "Macie is not enabled" is AWS's documented answer). */
    public static SecurityServicesCollector macie() {
        return new SecurityServicesCollector("macie2", (run, region, sink) -> {
            var c = run.clients().macie2(region);
            // Macie answers a caller whose account never enabled it with AccessDeniedException and
            // the message "Macie is not enabled"; any other denial is a real failure.
            var session = run.callOrAbsent(region, "GetMacieSession", null, () -> {
                try {
                    return c.getMacieSession(r -> { }).statusAsString();
                } catch (software.amazon.awssdk.services.macie2.model.AccessDeniedException e) {
                    if (Errors.message(e).toLowerCase(java.util.Locale.ROOT).contains("not enabled")) {
                        return "DISABLED";
                    }
                    throw e;
                }
            }, "ResourceNotFoundException");
            if (session.isFailed()) {
                return;
            }
            String status = session.isOk() ? session.value() : "DISABLED";
            sink.securityServices.add(fact(run, "macie2", region).enabled("ENABLED".equals(status)).status(status)
                    .features(List.of()).build());
        });
    }

    /** BatchGetAccountStatus for the caller's account: which resource types Inspector scans. */
    public static SecurityServicesCollector inspector() {
        return new SecurityServicesCollector("inspector2", (run, region, sink) -> {
            var c = run.clients().inspector2(region);
            var accounts = run.call(region, "BatchGetAccountStatus", null,
                    () -> c.batchGetAccountStatus(r -> r.accountIds(run.accountId())));
            if (accounts == null) {
                return;
            }
            if (!accounts.failedAccounts().isEmpty()) {
                var f = accounts.failedAccounts().get(0);
                run.record(region, "BatchGetAccountStatus", null, f.errorCodeAsString(), f.errorMessage());
                return;
            }
            var mine = accounts.accounts().stream().filter(a -> run.accountId().equals(a.accountId())).findFirst();
            if (mine.isEmpty()) {
                run.record(region, "BatchGetAccountStatus", null, "MissingAccount",
                        "the answer did not include account " + run.accountId());
                return;
            }
            var a = mine.get();
            List<String> on = new ArrayList<>();
            var rs = a.resourceState();
            if (rs != null) {
                addIfEnabled(on, "EC2", rs.ec2());
                addIfEnabled(on, "ECR", rs.ecr());
                addIfEnabled(on, "LAMBDA", rs.lambda());
                addIfEnabled(on, "LAMBDA_CODE", rs.lambdaCode());
            }
            String status = a.state() == null ? null : a.state().statusAsString();
            sink.securityServices.add(fact(run, "inspector2", region).enabled("ENABLED".equals(status)).status(status)
                    .features(on).build());
        });
    }

    private static void addIfEnabled(List<String> out, String name, software.amazon.awssdk.services.inspector2.model.State s) {
        if (s != null && "ENABLED".equals(s.statusAsString())) {
            out.add(name);
        }
    }
}
