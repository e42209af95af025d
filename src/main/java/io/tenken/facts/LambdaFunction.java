package io.tenken.facts;

import lombok.With;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/** A Lambda function (ListFunctions) with its resource-based policy (GetPolicy). */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class LambdaFunction implements Fallible {
    String name;
    String arn;
    String region;
    /** e.g. nodejs22.x, python3.13; null for container images (PackageType Image). */
    String runtime;
    /** Zip or Image. */
    String packageType;
    String roleArn;
    /** Where the function logs: its LoggingConfig.LogGroup, /aws/lambda/NAME by default. */
    String logGroupName;
    /** The resource-based policy document as returned; null when the function has none. */
    String policyJson;

    /** Fields whose value is not known, and why (see {@link Fallible}); empty when all are known. */
    @With
    @Builder.Default
    Map<String, Unknown> unknown = Map.of();

    @Override
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public Map<String, Unknown> getUnknown() {
        return unknown;
    }

    /** Unknown for a template's function without a FunctionName: CloudFormation generates it at deployment. */
    public String getName() {
        return Reads.of(this, "name", name);
    }

    public String getPolicyJson() {
        return Reads.of(this, "policyJson", policyJson);
    }

    public String getRuntime() {
        return Reads.of(this, "runtime", runtime);
    }

    public String getPackageType() {
        return Reads.of(this, "packageType", packageType);
    }

    public String getRoleArn() {
        return Reads.of(this, "roleArn", roleArn);
    }

    public String getLogGroupName() {
        return Reads.of(this, "logGroupName", logGroupName);
    }

    @Override
    public String getResourceId() {
        return arn;
    }
}
