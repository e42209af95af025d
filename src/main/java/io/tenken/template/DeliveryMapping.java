package io.tenken.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenken.facts.Unknown;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * CloudFront standard logging v2 in templates, joined as the scan joins CloudWatch Logs' three
 * listings: an {@code AWS::Logs::DeliverySource} (LogType ACCESS_LOGS, ResourceArn naming the
 * distribution), an {@code AWS::Logs::Delivery} from it (DeliverySourceName: the source's Name or
 * Ref) and its {@code AWS::Logs::DeliveryDestination} (DestinationResourceArn, for the evidence).
 * Values are resolved here without recording errors against the logs resources: a value known
 * only after deployment leaves the deliveries of the distributions it may concern unknown, and
 * nothing else (a template without delivery resources declares no v2 logging).
 */
final class DeliveryMapping {
    private record Source(Res res, Set<String> keys, JsonNode resourceArn, JsonNode logType) {
    }

    private record Delivery(Res res, JsonNode sourceName, JsonNode destinationArn) {
    }

    /** The deliveries of one distribution ("TYPE destination"), or why they are not known. */
    record Deliveries(List<String> entries, Map<String, Unknown> unknown) {
    }

    private final List<Source> sources = new ArrayList<>();
    private final List<Delivery> deliveries = new ArrayList<>();
    /** Destination identity (its Ref / GetAtt Arn) → the resource it delivers to. */
    private final Map<String, String> destinationResource = new HashMap<>();

    /** Attaching phase: records each delivery resource for the distributions to read. */
    void attaching(Res r) {
        switch (r.type) {
            case "AWS::Logs::DeliverySource" -> {
                Set<String> keys = new TreeSet<>(Set.of(r.id()));
                JsonNode name = value(r, "Name");
                if (known(name)) {
                    keys.add(name.asText());
                }
                sources.add(new Source(r, keys, value(r, "ResourceArn"), value(r, "LogType")));
            }
            case "AWS::Logs::Delivery" -> deliveries.add(new Delivery(r, value(r, "DeliverySourceName"),
                    value(r, "DeliveryDestinationArn")));
            case "AWS::Logs::DeliveryDestination" -> {
                JsonNode target = value(r, "DestinationResourceArn");
                if (known(target)) {
                    destinationResource.put(r.id(), target.asText());
                }
            }
            default -> {
            }
        }
    }

    /**
     * The deliveries of the distribution whose identity is {@code distributionId}. A delivery that
     * is certainly there decides; otherwise an unresolved source, log type or source name that
     * may concern the distribution makes them unknown.
     */
    Deliveries of(String distributionId) {
        List<String> entries = new ArrayList<>();
        Map<String, Unknown> unknown = new HashMap<>();
        for (Source s : sources) {
            if (!known(s.resourceArn())) {
                unknown.putIfAbsent("accessLogDeliveries", why(s.res(), "ResourceArn", s.resourceArn()));
                continue;
            }
            String arn = s.resourceArn().asText();
            if (!arn.equals(distributionId) && !arn.endsWith(":distribution/" + distributionId)) {
                continue;
            }
            boolean accessLogs = known(s.logType()) && s.logType().asText().equals("ACCESS_LOGS");
            for (Delivery d : deliveries) {
                if (!known(d.sourceName())) {
                    unknown.putIfAbsent("accessLogDeliveries", why(d.res(), "DeliverySourceName", d.sourceName()));
                } else if (s.keys().contains(d.sourceName().asText())) {
                    if (!known(s.logType())) {
                        unknown.putIfAbsent("accessLogDeliveries", why(s.res(), "LogType", s.logType()));
                    } else if (accessLogs) {
                        entries.add(describe(d.destinationArn()));
                    }
                }
            }
        }
        if (!entries.isEmpty()) {
            return new Deliveries(entries.stream().sorted().distinct().toList(), Map.of());
        }
        return new Deliveries(List.of(), Map.copyOf(unknown));
    }

    /** "S3 arn:aws:s3:::logs" as the scan writes it; the destination as written when it is not an ARN. */
    private String describe(JsonNode destinationArn) {
        String dest = known(destinationArn) ? destinationArn.asText() : FactMapper.printable(destinationArn);
        String target = destinationResource.getOrDefault(dest, dest);
        String type = target.startsWith("arn:") && target.split(":").length > 2 ? switch (target.split(":")[2]) {
            case "s3" -> "S3 ";
            case "logs" -> "CWL ";
            case "firehose" -> "FH ";
            default -> "";
        } : "";
        return type + target;
    }

    private static JsonNode value(Res r, String property) {
        JsonNode raw = r.node.path("Properties").path(property);
        return raw.isMissingNode() ? null : r.resolver.resolve(raw);
    }

    private static boolean known(JsonNode v) {
        return v != null && v != Resolver.NO_VALUE && v.isValueNode() && Unresolved.find(v) == null;
    }

    private static Unknown why(Res r, String property, JsonNode value) {
        return Unknown.expression(value == null ? "(absent)" : FactMapper.printable(value),
                r.stack.template().displayPath() + ":" + r.stack.template().lineOf(r.logicalId) + " " + r.logicalId
                        + "." + property);
    }
}
