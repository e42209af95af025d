package io.tenken.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.facts.Trail;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;

/** What a trail's selectors record, as the AWS documentation describes it. */
class CloudTrailSelectorsTest {
    static Trail read(GetEventSelectorsResponse r) {
        Trail.TrailBuilder b = Trail.builder().name("t").arn("arn:aws:cloudtrail:us-east-1:1:trail/t");
        CloudTrailCollector.selectors(r, b);
        return b.build();
    }

    @Test
    void aTrailWithoutCustomSelectorsLogsAllManagementEvents() {
        // HasCustomEventSelectors false and an empty list (moto; real AWS shows the default selector).
        Trail t = read(GetEventSelectorsResponse.builder().build());
        assertTrue(t.isManagementEvents());
        assertEquals("All", t.getReadWriteType());
        t = read(GetEventSelectorsResponse.builder().eventSelectors(java.util.List.of()).build());
        assertTrue(t.isManagementEvents());
    }

    @Test
    void explicitSelectorsAreReadAsWritten() {
        Trail none = read(GetEventSelectorsResponse.builder().eventSelectors(EventSelector.builder()
                .includeManagementEvents(false).build()).build());
        assertFalse(none.isManagementEvents());
        Trail readOnly = read(GetEventSelectorsResponse.builder().eventSelectors(EventSelector.builder()
                .includeManagementEvents(true).readWriteType("ReadOnly").build()).build());
        assertEquals("ReadOnly", readOnly.getReadWriteType());
    }
}
