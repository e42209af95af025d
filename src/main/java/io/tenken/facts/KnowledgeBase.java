package io.tenken.facts;

import lombok.With;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/**
 * A Bedrock knowledge base with its data sources. The customer managed key of a knowledge base
 * is set per data source (serverSideEncryptionConfiguration.kmsKeyArn of GetDataSource: the
 * transient storage of ingested documents); there is no key on the knowledge base itself.
 */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class KnowledgeBase implements Fallible {
    String id;
    String arn;
    String name;
    String region;
    String status;
    List<DataSource> dataSources;

    /** Fields whose value is not known, and why (see {@link Fallible}); empty when all are known. */
    @With
    @Builder.Default
    Map<String, Unknown> unknown = Map.of();

    @Override
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public Map<String, Unknown> getUnknown() {
        return unknown;
    }

    public List<DataSource> getDataSources() {
        return Reads.of(this, "dataSources", dataSources);
    }

    @Override
    public String getResourceId() {
        return arn;
    }

    /** One data source of the knowledge base (GetDataSource). */
    @Value
    @Builder
    @Jacksonized
    public static class DataSource {
        String id;
        String name;
        /** S3, WEB, CONFLUENCE, SALESFORCE, SHAREPOINT, CUSTOM, REDSHIFT_METADATA. */
        String type;
        /** Customer managed KMS key for the ingested data; null when AWS owns the key. */
        String kmsKeyArn;
    }
}
