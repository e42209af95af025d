package io.tenken.facts;

/**
 * One region of the scanned account, inserted by the engine for every region the snapshot
 * covers. Checks that hold per region rather than per resource ("a trail covers this region",
 * "no resources outside the allowed regions") report on it.
 */
public record AccountRegion(String accountId, String region) implements Resource {
    @Override
    public String getResourceId() {
        return accountId + "/" + region;
    }

    @Override
    public String getRegion() {
        return region;
    }

    /** Drools property access: {@code AccountRegion(name == "...")}. */
    public String getName() {
        return region;
    }
}
