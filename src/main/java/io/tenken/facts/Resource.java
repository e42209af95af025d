package io.tenken.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A fact that findings can be attached to: it has an identity (the ARN where AWS has one). */
public interface Resource {
    /** Region name used for account-wide and global-service resources. */
    String GLOBAL = "global";

    @JsonIgnore
    String getResourceId();

    String getRegion();
}
