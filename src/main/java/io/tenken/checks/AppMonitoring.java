package io.tenken.checks;

import io.tenken.facts.ApiMethod;
import io.tenken.facts.ApiStage;
import io.tenken.facts.LambdaFunction;
import io.tenken.facts.MetricAlarm;
import io.tenken.facts.MetricFilter;
import io.tenken.facts.Reads;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of the app's functions and API stages an alarm watches (monitoring.alarms).
 *
 * <p>The app's functions are taken from the account: every function an API Gateway method
 * integrates with (GenU's whole backend sits behind its REST API), plus functions whose names
 * match the policy's {@code appFunctionNamePatterns}. Every REST API stage is the app's.
 *
 * <p>A resource is watched when an alarm that notifies somebody (actions enabled, at least one
 * alarm action) reads its error metric (AWS/Lambda Errors for the function's FunctionName;
 * AWS/ApiGateway 5XXError for the stage's ApiName, with no Stage dimension or this stage), or
 * reads a metric that a metric filter produces from the resource's log group (/aws/lambda/NAME
 * or the function's own log group; the stage's execution log group
 * API-Gateway-Execution-Logs_ID/STAGE or its access log group). Whether the alarm's SNS topic
 * reaches a person is not readable from these APIs.
 */
public final class AppMonitoring {
    private AppMonitoring() {
    }

    /** The functions of {@code functions} that belong to the app, sorted by name. */
    public static List<LambdaFunction> appFunctions(Collection<LambdaFunction> functions, Collection<ApiMethod> methods,
                                                    List<String> namePatterns) {
        Set<String> integrated = new TreeSet<>();
        for (ApiMethod m : methods) {
            if (m.getLambdaFunctionArn() != null) {
                integrated.add(m.getLambdaFunctionArn());
            }
        }
        // The name is read only for the patterns: a template function's name is generated at deployment.
        return functions.stream()
                .filter(f -> integrated.contains(f.getArn())
                        || !namePatterns.isEmpty() && Globs.matchesAny(namePatterns, f.getName()))
                .sorted(java.util.Comparator.comparing(AppMonitoring::label)).toList();
    }

    /** Names of the functions no notifying alarm watches (a template function without a name: its identity). */
    public static List<String> unwatchedFunctions(Collection<LambdaFunction> functions, Collection<MetricAlarm> alarms,
                                                  Collection<MetricFilter> filters) {
        return functions.stream().filter(f -> !watched(f, alarms, filters)).map(AppMonitoring::label).sorted().toList();
    }

    /** What the evidence calls a function: its name, or its identity when the name is not known (not a read of it). */
    private static String label(LambdaFunction f) {
        return f.unknown("name") != null ? f.getResourceId() : f.getName();
    }

    /** "api/stage" of the stages no notifying alarm watches. */
    public static List<String> unwatchedStages(Collection<ApiStage> stages, Collection<MetricAlarm> alarms,
                                               Collection<MetricFilter> filters) {
        return stages.stream().filter(s -> !watched(s, alarms, filters))
                .map(s -> s.getApiName() + "/" + s.getStageName()).sorted().toList();
    }

    /**
     * By what is known first: an alarm on the function's identity (a template alarm whose
     * FunctionName is a {@code Ref} to it), a metric filter on its log group. Only when an alarm or
     * filter could name it by its deployed name is that name read: a function whose name
     * CloudFormation generates at deployment is then unknown (ERROR), and otherwise no alarm
     * of any name watches it (FAIL).
     */
    /** What a deployed Lambda function can be called (the Lambda API's FunctionName pattern, without ARN forms). */
    private static final java.util.regex.Pattern FUNCTION_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");

    static boolean watched(LambdaFunction f, Collection<MetricAlarm> alarms, Collection<MetricFilter> filters) {
        List<MetricAlarm.Metric> errors = alarms.stream().filter(MetricAlarm::isNotifying)
                .filter(a -> a.getMetrics() != null).flatMap(a -> a.getMetrics().stream())
                .filter(m -> "AWS/Lambda".equals(m.getNamespace()) && "Errors".equals(m.getMetricName())
                        && dims(m).get("FunctionName") != null).toList();
        if (errors.stream().anyMatch(m -> dims(m).get("FunctionName").equals(f.getResourceId()))) {
            return true;
        }
        String own = f.getLogGroupName();
        if (own != null && filteredAndAlarmed(Set.of(own), alarms, filters)) {
            return true;
        }
        // A template alarm's Ref to a function is its identity (STACK/ID), which no deployed name can be.
        boolean byName = errors.stream().anyMatch(m -> FUNCTION_NAME.matcher(dims(m).get("FunctionName")).matches())
                || filters.stream().anyMatch(x -> x.getLogGroupName() != null && x.getLogGroupName().startsWith("/aws/lambda/")
                        && FUNCTION_NAME.matcher(x.getLogGroupName().substring("/aws/lambda/".length())).matches());
        if (!byName) {
            return false;
        }
        String name = f.getName();
        return errors.stream().anyMatch(m -> name.equals(dims(m).get("FunctionName")))
                || filteredAndAlarmed(Set.of("/aws/lambda/" + name), alarms, filters);
    }

    /**
     * By the stage's API name (5XXError alarms), its access log group and its execution log group.
     * A template stage knows its API by identity only: an account filter on another API's
     * execution log group may be this one's once deployed, so the verdict needs the deployed id.
     */
    static boolean watched(ApiStage s, Collection<MetricAlarm> alarms, Collection<MetricFilter> filters) {
        Set<String> groups = new TreeSet<>();
        String execution = "API-Gateway-Execution-Logs_" + s.getRestApiId() + "/" + s.getStageName();
        groups.add(execution);
        String access = logGroupOf(s.getAccessLogDestinationArn());
        if (access != null) {
            groups.add(access);
        }
        boolean watched = alarms.stream().filter(MetricAlarm::isNotifying).anyMatch(a -> a.getMetrics() != null
                && a.getMetrics().stream().anyMatch(m -> "AWS/ApiGateway".equals(m.getNamespace())
                        && "5XXError".equals(m.getMetricName())
                        && s.getApiName() != null && s.getApiName().equals(dims(m).get("ApiName"))
                        && (dims(m).get("Stage") == null || s.getStageName().equals(dims(m).get("Stage")))))
                || filteredAndAlarmed(groups, alarms, filters);
        if (!watched && s.getTemplateId() != null) {
            filters.stream().filter(x -> x.getLogGroupName() != null
                            && x.getLogGroupName().startsWith("API-Gateway-Execution-Logs_")
                            && x.getLogGroupName().endsWith("/" + s.getStageName())
                            && filteredAndAlarmed(Set.of(x.getLogGroupName()), alarms, List.of(x)))
                    .findFirst().ifPresent(x -> Reads.missing(s, "restApiId", "the id API Gateway gives REST API "
                            + s.getRestApiId() + " at deployment (whether the alarmed metric filter on "
                            + x.getLogGroupName() + " watches stage " + s.getStageName() + ")"));
        }
        return watched;
    }

    private static boolean filteredAndAlarmed(Set<String> logGroups, Collection<MetricAlarm> alarms,
                                              Collection<MetricFilter> filters) {
        for (MetricFilter f : filters) {
            if (!logGroups.contains(f.getLogGroupName())) {
                continue;
            }
            boolean alarmed = alarms.stream().filter(MetricAlarm::isNotifying).anyMatch(a -> a.getMetrics() != null
                    && a.getMetrics().stream().anyMatch(m -> java.util.Objects.equals(m.getNamespace(), f.getMetricNamespace())
                            && java.util.Objects.equals(m.getMetricName(), f.getMetricName())));
            if (alarmed) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> dims(MetricAlarm.Metric m) {
        return m.getDimensions() == null ? Map.of() : m.getDimensions();
    }

    /** The log group name of a CloudWatch Logs ARN (arn:aws:logs:R:A:log-group:NAME[:*]); null otherwise. */
    static String logGroupOf(String arn) {
        if (arn == null) {
            return null;
        }
        int i = arn.indexOf(":log-group:");
        if (!arn.startsWith("arn:") || i < 0) {
            return null;
        }
        String name = arn.substring(i + ":log-group:".length());
        return name.endsWith(":*") ? name.substring(0, name.length() - 2) : name;
    }

    /** Up to 20 names, comma-separated, then how many more: evidence that stays readable at 500 functions. */
    public static String sample(List<String> names) {
        int shown = Math.min(20, names.size());
        String head = String.join(", ", names.subList(0, shown));
        return names.size() > shown ? head + ", ... (+" + (names.size() - shown) + ")" : head;
    }
}
