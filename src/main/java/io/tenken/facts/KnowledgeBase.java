package io.tenken.facts;

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
public class KnowledgeBase implements Resource {
    String id;
    String arn;
    String name;
    String region;
    String status;
    List<DataSource> dataSources;

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
