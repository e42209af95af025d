package io.tenken.facts;

import java.util.List;
import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/** A WAFv2 IP set with its CIDR addresses. */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class IpSet implements Resource {
    String arn;
    String id;
    String name;
    String scope;
    String region;
    /** IPV4 or IPV6. */
    String ipAddressVersion;
    List<String> addresses;

    @Override
    public String getResourceId() {
        return arn;
    }
}
