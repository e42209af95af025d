package io.tenken.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import lombok.Builder;
import lombok.Value;
import lombok.With;
import lombok.extern.jackson.Jacksonized;

/** A WAFv2 IP set with its CIDR addresses. */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class IpSet implements Fallible {
    String arn;
    String id;
    String name;
    String scope;
    String region;
    /** IPV4 or IPV6. */
    String ipAddressVersion;
    List<String> addresses;


    /** Fields whose value is not known, and why (see {@link Fallible}); empty when all are known. */
    @With
    @Builder.Default
    Map<String, Unknown> unknown = Map.of();

    @Override
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public Map<String, Unknown> getUnknown() {
        return unknown;
    }

    @Override
    public String getResourceId() {
        return arn;
    }
}
