package io.tenken.collect;

import io.tenken.facts.Trail;
import java.util.List;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedEventSelector;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedFieldSelector;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusResponse;

/**
 * Trails with status and selectors. Each trail is read once, in its home region; a
 * multi-region trail whose home region is not scanned is read through its home region when
 * the first scanned region reports it.
 */
public final class CloudTrailCollector implements Collector {
    /** The calls this collector makes and what each one's failure leaves unknown (see {@link Calls}). */
    public static final Calls CALLS = Calls.of("cloudtrail")
            .lists("DescribeTrails", "cloudtrail:DescribeTrails", Trail.class)
            .fills("GetTrailStatus", "cloudtrail:GetTrailStatus", Trail.class, "logging", "cloudWatchLogsDeliveryError")
            .fills("GetEventSelectors", "cloudtrail:GetEventSelectors", Trail.class,
                    "managementEvents", "readWriteType", "dataEventResourceTypes");

    @Override
    public Calls calls() {
        return CALLS;
    }

    @Override
    public String service() {
        return "cloudtrail";
    }

    @Override
    public void collect(ServiceRun run, String region, FactSink sink) {
        CloudTrailClient c = run.clients().cloudtrail(region);
        var trails = run.call(region, "DescribeTrails", null,
                () -> c.describeTrails(r -> r.includeShadowTrails(true)).trailList());
        if (trails == null) {
            return;
        }
        for (var t : trails) {
            String home = t.homeRegion() == null ? region : t.homeRegion();
            boolean mine = home.equals(region)
                    || (!run.scanRegions().contains(home) && region.equals(run.scanRegions().get(0)));
            if (!mine || !sink.seen.add(t.trailARN())) {
                continue;
            }
            CloudTrailClient hc = run.clients().cloudtrail(home);
            GetTrailStatusResponse status = run.call(home, "GetTrailStatus", t.trailARN(),
                    () -> hc.getTrailStatus(r -> r.name(t.trailARN())));
            GetEventSelectorsResponse sel = run.call(home, "GetEventSelectors", t.trailARN(),
                    () -> hc.getEventSelectors(r -> r.trailName(t.trailARN())));
            Trail.TrailBuilder b = Trail.builder().name(t.name()).arn(t.trailARN()).homeRegion(home)
                    .multiRegion(Boolean.TRUE.equals(t.isMultiRegionTrail()))
                    .organizationTrail(Boolean.TRUE.equals(t.isOrganizationTrail()))
                    .logging(status != null && Boolean.TRUE.equals(status.isLogging()))
                    .logFileValidation(Boolean.TRUE.equals(t.logFileValidationEnabled()))
                    .kmsKeyId(t.kmsKeyId()).s3BucketName(t.s3BucketName()).s3KeyPrefix(blankToNull(t.s3KeyPrefix()))
                    .cloudWatchLogsLogGroupArn(blankToNull(t.cloudWatchLogsLogGroupArn()))
                    .cloudWatchLogsDeliveryError(status == null ? null
                            : blankToNull(status.latestCloudWatchLogsDeliveryError()));
            selectors(sel, b);
            sink.trails.add(b.build());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static void selectors(GetEventSelectorsResponse sel, Trail.TrailBuilder b) {
        TrailEvents events = new TrailEvents();
        if (sel != null && sel.hasEventSelectors()) {
            for (EventSelector s : sel.eventSelectors()) {
                events.basic(!Boolean.FALSE.equals(s.includeManagementEvents()), s.readWriteTypeAsString(),
                        s.hasDataResources() ? s.dataResources().stream().map(d -> d.type()).toList() : List.of());
            }
        }
        if (sel != null && sel.hasAdvancedEventSelectors()) {
            for (AdvancedEventSelector a : sel.advancedEventSelectors()) {
                String category = null;
                List<String> readOnly = null;
                List<String> types = List.of();
                for (AdvancedFieldSelector f : a.fieldSelectors()) {
                    if ("eventCategory".equals(f.field()) && f.hasEqualsValue() && !f.equalsValue().isEmpty()) {
                        category = f.equalsValue().get(0);
                    } else if ("readOnly".equals(f.field()) && f.hasEqualsValue()) {
                        readOnly = f.equalsValue();
                    } else if ("resources.type".equals(f.field()) && f.hasEqualsValue()) {
                        types = f.equalsValue();
                    }
                }
                events.advanced(category, readOnly, types);
            }
        }
        if (sel != null && (!sel.hasEventSelectors() || sel.eventSelectors().isEmpty())
                && (!sel.hasAdvancedEventSelectors() || sel.advancedEventSelectors().isEmpty())) {
            // No selectors at all (HasCustomEventSelectors false): real AWS answers with the
            // default selector; moto answers with an empty list.
            events.noSelectors();
        }
        events.applyTo(b);
    }
}
