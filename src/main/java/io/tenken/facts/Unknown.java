package io.tenken.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/**
 * Why a value is not known, with its provenance: a collection call that failed
 * ({@link #COLLECTION}: service, operation, region, error code) or a template expression that
 * could not be resolved ({@link #EXPRESSION}: the expression and where it stands). A fact field
 * mapped to an {@code Unknown} (see {@link Fallible#getUnknown()}), or a kind whose listing in a
 * region is incomplete, turns every verdict that read it into ERROR.
 */
@Value
@Builder(toBuilder = true)
@Jacksonized
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Unknown {
    public static final String COLLECTION = "collection";
    public static final String EXPRESSION = "expression";
    /**
     * Something a fact refers to that the snapshot does not hold, with no failed call to explain
     * it (e.g. a managed policy a role attaches, missing from an older snapshot or from the
     * policies a template source knows): {@code message} names it.
     */
    public static final String MISSING = "missing";

    /** {@value #COLLECTION} or {@value #EXPRESSION}. */
    String source;
    String service;
    String operation;
    String region;
    String errorCode;
    String message;
    /** For {@value #EXPRESSION}: the unresolved expression, e.g. {"Fn::ImportValue": "x"}. */
    String expression;
    /** For {@value #EXPRESSION}: where it stands, e.g. a template path and logical id. */
    String location;

    /**
     * The error code the template source records for a property it cannot resolve (its operation
     * names the template file, line and property, its message the expression).
     */
    public static final String UNRESOLVED_CODE = "Unresolved";

    /** The provenance of a failed call, or of an unresolved template value recorded as an error. */
    public static Unknown of(CollectionError e) {
        if (UNRESOLVED_CODE.equals(e.getErrorCode())) {
            return expression(e.getMessage(), e.getOperation());
        }
        return Unknown.builder().source(COLLECTION).service(e.getService()).operation(e.getOperation())
                .region(e.getRegion() == null ? Resource.GLOBAL : e.getRegion()).errorCode(e.getErrorCode())
                .message(e.getMessage() == null || e.getMessage().isBlank() ? null : e.getMessage()).build();
    }

    /** An unresolved template expression. */
    public static Unknown expression(String expression, String location) {
        return Unknown.builder().source(EXPRESSION).expression(expression).location(location).build();
    }

    /** A referenced resource the snapshot does not hold. */
    public static Unknown missing(String what) {
        return Unknown.builder().source(MISSING).message(what).build();
    }

    /** One line for a report: what failed and why. */
    public String describe() {
        if (MISSING.equals(source)) {
            return message + " is not in the snapshot";
        }
        if (EXPRESSION.equals(source)) {
            return "unresolved expression " + expression + (location == null ? "" : " at " + location);
        }
        return service + " " + operation + " in " + (region == null ? Resource.GLOBAL : region) + " failed: " + errorCode
                + (message == null ? "" : " (" + message + ")");
    }
}
