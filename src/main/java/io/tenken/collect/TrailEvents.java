package io.tenken.collect;

import io.tenken.facts.Trail;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * What a trail's event selectors record, added selector by selector: the management events (and
 * whether read, write or both) and the data event resource types. One reading for the collector
 * ({@code GetEventSelectors}) and the template source ({@code EventSelectors} /
 * {@code AdvancedEventSelectors} of {@code AWS::CloudTrail::Trail}).
 */
public final class TrailEvents {
    private boolean management;
    private boolean read;
    private boolean write;
    private final TreeSet<String> dataTypes = new TreeSet<>();

    /** A basic selector: management events unless excluded ({@code includeManagement} false); no read/write type = All. */
    public void basic(boolean includeManagement, String readWriteType, Collection<String> dataResourceTypes) {
        if (includeManagement) {
            management(readWriteType == null || "All".equals(readWriteType) || "ReadOnly".equals(readWriteType),
                    readWriteType == null || "All".equals(readWriteType) || "WriteOnly".equals(readWriteType));
        }
        dataTypes.addAll(dataResourceTypes);
    }

    /**
     * An advanced selector by the Equals values of its {@code eventCategory} (first), {@code readOnly}
     * (null when not constrained: both) and {@code resources.type} field selectors.
     */
    public void advanced(String category, List<String> readOnly, List<String> resourceTypes) {
        if ("Management".equals(category)) {
            management(readOnly == null || readOnly.contains("true"), readOnly == null || readOnly.contains("false"));
        } else if ("Data".equals(category)) {
            dataTypes.addAll(resourceTypes);
        }
    }

    /** No selectors at all: per the AWS documentation the trail logs every management event, read and write. */
    public void noSelectors() {
        management(true, true);
    }

    private void management(boolean reads, boolean writes) {
        management = true;
        read |= reads;
        write |= writes;
    }

    public void applyTo(Trail.TrailBuilder b) {
        b.managementEvents(management)
                .readWriteType(!management ? null : read && write ? "All" : read ? "ReadOnly" : "WriteOnly")
                .dataEventResourceTypes(List.copyOf(dataTypes));
    }
}
