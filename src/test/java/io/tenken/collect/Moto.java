package io.tenken.collect;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;

/** Seeding helpers: plain SDK clients (no read-only guard) pointed at the test moto server. */
public final class Moto {
    public static final String ACCOUNT = "123456789012";
    public static final AwsCredentialsProvider CREDS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

    /** The credentials seeding clients use: the default account's, or another account's ({@link #seedAs}). */
    private static volatile AwsCredentialsProvider seeding = CREDS;

    private Moto() {
    }

    /**
     * Runs {@code seed} with every client made by {@link #client} and {@link #s3} signed by
     * {@code credentials} (moto routes them to that account's backend). One account at a time.
     */
    public static synchronized void seedAs(AwsCredentialsProvider credentials, java.util.concurrent.Callable<?> seed)
            throws Exception {
        seeding = credentials;
        try {
            seed.call();
        } finally {
            seeding = CREDS;
        }
    }

    public static <B extends AwsClientBuilder<B, C>, C> C client(B builder, String region) {
        return builder.region(Region.of(region)).credentialsProvider(seeding)
                .endpointOverride(MotoServerExtension.endpoint())
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD)
                        .apiCallTimeout(Duration.ofSeconds(30)).build())
                .build();
    }

    public static software.amazon.awssdk.services.s3.S3Client s3(String region) {
        return software.amazon.awssdk.services.s3.S3Client.builder().region(Region.of(region)).credentialsProvider(seeding)
                .endpointOverride(MotoServerExtension.endpoint()).forcePathStyle(true).build();
    }

    /** Scan options for the test server: few retries (moto answers 500 for what it lacks). */
    public static ScanOptions.ScanOptionsBuilder options(String... regions) {
        return ScanOptions.builder().endpointUrl(MotoServerExtension.endpoint()).credentialsProvider(CREDS)
                .regions(List.of(regions)).maxAttempts(2).progress(false);
    }

    /** Options with Bedrock served by {@code bedrockEndpoint} (a {@link BedrockGuardrailStub}), the rest by moto. */
    public static ScanOptions.ScanOptionsBuilder options(URI bedrockEndpoint, String... regions) {
        return options(regions).serviceEndpoints(java.util.Map.of("bedrock", bedrockEndpoint));
    }
}
