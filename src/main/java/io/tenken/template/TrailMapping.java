package io.tenken.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenken.collect.TrailEvents;
import io.tenken.facts.Trail;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code AWS::CloudTrail::Trail} as {@code DescribeTrails}, {@code GetTrailStatus} and
 * {@code GetEventSelectors} show it once deployed: home region (the stack's), multi-region and
 * organization flags, logging ({@code IsLogging}), log file validation, KMS key, bucket,
 * CloudWatch Logs delivery and the management / data events its selectors record. A trail with
 * no selectors records all management events, read and write (the CloudTrail default).
 */
final class TrailMapping {
    private TrailMapping() {
    }

    static void trail(Res r, FactMapper mapper) {
        String name = r.text("TrailName");
        Trail.TrailBuilder b = Trail.builder().name(name != null ? name : FactMapper.refText(r)).arn(r.id())
                .homeRegion(r.region())
                .multiRegion(r.bool("IsMultiRegionTrail", false, FactMapper.SVC_DEFAULT))
                .organizationTrail(r.bool("IsOrganizationTrail", false, FactMapper.SVC_DEFAULT))
                .logging(r.bool("IsLogging", false, null))
                .logFileValidation(r.bool("EnableLogFileValidation", false, FactMapper.SVC_DEFAULT))
                .kmsKeyId(r.text("KMSKeyId")).s3BucketName(r.text("S3BucketName")).s3KeyPrefix(r.text("S3KeyPrefix"))
                .cloudWatchLogsLogGroupArn(r.text("CloudWatchLogsLogGroupArn"));
        selectors(r, b);
        mapper.sink.trails.add(b.build());
        mapper.locate(r.id(), r);
    }

    /** Management events (and whether read, write or both) and data event resource types, as the collector reads them. */
    private static void selectors(Res r, Trail.TrailBuilder b) {
        JsonNode basic = r.prop("EventSelectors");
        JsonNode advanced = r.prop("AdvancedEventSelectors");
        TrailEvents events = new TrailEvents();
        if ((basic == null || basic.isEmpty()) && (advanced == null || advanced.isEmpty())) {
            r.note("EventSelectors absent = all management events, read and write" + FactMapper.SVC_DEFAULT);
            events.noSelectors();
        }
        if (basic != null) {
            for (JsonNode s : basic) {
                List<String> data = new ArrayList<>();
                s.path("DataResources").forEach(d -> data.add(d.path("Type").asText()));
                events.basic(s.path("IncludeManagementEvents").asBoolean(true), s.path("ReadWriteType").asText(null), data);
            }
        }
        if (advanced != null) {
            for (JsonNode a : advanced) {
                String category = null;
                List<String> readOnly = null;
                List<String> types = List.of();
                for (JsonNode f : a.path("FieldSelectors")) {
                    List<String> equals = new ArrayList<>();
                    f.path("Equals").forEach(v -> equals.add(v.asText()));
                    switch (f.path("Field").asText()) {
                        case "eventCategory" -> category = equals.isEmpty() ? null : equals.get(0);
                        case "readOnly" -> readOnly = equals;
                        case "resources.type" -> types = equals;
                        default -> {
                        }
                    }
                }
                events.advanced(category, readOnly, types);
            }
        }
        events.applyTo(b);
    }
}
