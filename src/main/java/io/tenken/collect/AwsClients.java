package io.tenken.collect;

import io.tenken.InvalidInputException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Builds and caches one SDK client per (service, region). Every client shares the HTTP client,
 * the credentials, retries with full jitter ({@link Retries}), a rate limiter per service and region
 * ({@link RequestRates}), the read-only interceptor and a per-service call counter.
 */
public final class AwsClients implements AutoCloseable {
    /** The home region when none is configured; global services are called in {@link #globalRegion()}. */
    public static final String GLOBAL_CALL_REGION = "us-east-1";

    private final ScanOptions options;
    private final String globalRegion;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();
    private final Map<String, Ec2Query> ec2Queries = new ConcurrentHashMap<>();
    private final Map<String, CallCounter> calls = new ConcurrentHashMap<>();
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    private final ReadOnlyInterceptor readOnly = new ReadOnlyInterceptor();
    private StsClient assumeRoleSts;

    public AwsClients(ScanOptions options) {
        this.options = options;
        this.globalRegion = Regions.globalRegion(!options.getRegions().isEmpty() ? options.getRegions().get(0)
                : options.getHomeRegion() != null ? options.getHomeRegion() : AwsProfiles.homeRegion(options.getProfile()));
        this.http = ApacheHttpClient.builder()
                .maxConnections(Math.max(50, options.getPerServiceConcurrency() * 12))
                .build();
        AwsCredentialsProvider base = options.getCredentialsProvider() != null ? options.getCredentialsProvider()
                : options.getProfile() != null ? profileCredentials(options.getProfile(), new java.util.HashSet<>())
                        : DefaultCredentialsProvider.builder().build();
        if (options.getRoleArn() != null) {
            assumeRoleSts = configure(StsClient.builder(), "sts", globalRegion, base,
                    ReadOnlyInterceptor.allowing("AssumeRole")).build();
            this.credentials = StsAssumeRoleCredentialsProvider.builder()
                    .stsClient(assumeRoleSts)
                    .refreshRequest(r -> r.roleArn(options.getRoleArn()).roleSessionName(options.getRoleSessionName())
                            .externalId(options.getExternalId()))
                    .build();
        } else {
            this.credentials = base;
        }
    }

    /**
     * The profile's credentials. A profile with {@code role_arn} is assumed here rather than by
     * the SDK, because the SDK's own STS client for it reads no {@code endpoint_url}: the AWS CLI
     * sends that AssumeRole to the profile's endpoint, and so does Tenken (a local stack, a VPC
     * endpoint). The source is {@code source_profile} (itself possibly a role, or the profile's own
     * keys when it names itself) or {@code credential_source}. Profiles that need an MFA code, and
     * every other kind (keys, SSO, credential_process), are left to the SDK's provider chain.
     */
    private AwsCredentialsProvider profileCredentials(String name, java.util.Set<String> chain) {
        Profile p = ProfileFile.defaultProfileFile().profile(name).orElse(null);
        if (p == null || p.property("role_arn").isEmpty() || p.property("mfa_serial").isPresent()) {
            return DefaultCredentialsProvider.builder().profileName(name).build();
        }
        if (!chain.add(name)) {
            throw InvalidInputException.of("error.profileRoleLoop", name);
        }
        AwsCredentialsProvider source = p.property("source_profile")
                .map(s -> s.equals(name) ? ownKeys(p) : profileCredentials(s, chain))
                .orElseGet(() -> credentialSource(p));
        StsClient roleSts = configure(StsClient.builder(), "sts", p.property("region").orElse(globalRegion), source,
                ReadOnlyInterceptor.allowing("AssumeRole")).build();
        String session = p.property("role_session_name").orElse("tenken-" + System.currentTimeMillis());
        return StsAssumeRoleCredentialsProvider.builder()
                .stsClient(roleSts)
                .refreshRequest(r -> r.roleArn(p.property("role_arn").get()).roleSessionName(session)
                        .externalId(p.property("external_id").orElse(null))
                        .durationSeconds(p.property("duration_seconds").map(Integer::valueOf).orElse(null)))
                .build();
    }

    /** A profile that names itself as source_profile assumes its role with its own static keys. */
    private static AwsCredentialsProvider ownKeys(Profile p) {
        String key = p.property("aws_access_key_id").orElseThrow(() -> InvalidInputException.of("error.profileNoKeys", p.name()));
        String secret = p.property("aws_secret_access_key").orElseThrow(() -> InvalidInputException.of("error.profileNoKeys", p.name()));
        return StaticCredentialsProvider.create(p.property("aws_session_token")
                .<AwsCredentials>map(t -> AwsSessionCredentials.create(key, secret, t))
                .orElseGet(() -> AwsBasicCredentials.create(key, secret)));
    }

    /** {@code credential_source}, with the three values the AWS CLI documents. */
    private static AwsCredentialsProvider credentialSource(Profile p) {
        String source = p.property("credential_source").orElseThrow(() -> InvalidInputException.of("error.profileNoSource", p.name()));
        return switch (source) {
            case "Environment" -> EnvironmentVariableCredentialsProvider.create();
            case "Ec2InstanceMetadata" -> InstanceProfileCredentialsProvider.create();
            case "EcsContainer" -> ContainerCredentialsProvider.builder().build();
            default -> throw InvalidInputException.of("error.profileCredentialSource", p.name(), source);
        };
    }

    /**
     * False when the SDK's endpoint metadata knows the service but not in this region (e.g.
     * Bedrock in a region where it is not offered). With an endpoint override, always true.
     */
    public boolean offeredIn(software.amazon.awssdk.regions.ServiceMetadata metadata, String service, String region) {
        if (endpoint(service) != null) {
            return true;
        }
        java.util.List<Region> regions = metadata.regions();
        return regions.isEmpty() || regions.contains(Region.of(region));
    }

    /**
     * Where global services (IAM, STS, Organizations, CloudFront, account-level S3, bucket
     * listing) are called: the global region of the scan's partition, from the first region to
     * scan or the home region (us-east-1, cn-north-1, us-gov-west-1).
     */
    public String globalRegion() {
        return globalRegion;
    }

    /** The partition of the caller's credentials (from STS GetCallerIdentity's ARN). */
    public String callerPartition() {
        return Regions.partitionOfArn(sts().getCallerIdentity().arn());
    }

    public ScanOptions options() {
        return options;
    }

    /** API calls sent so far, per service key. */
    public long calls(String service) {
        CallCounter n = calls.get(service);
        return n == null ? 0 : n.total();
    }

    /** Resources the service's List and Describe calls returned so far (progress only). */
    long listed(String service) {
        CallCounter n = calls.get(service);
        return n == null ? 0 : n.listed();
    }

    /** API calls sent so far for a service key, per operation. */
    public Map<String, Long> callsByOperation(String service) {
        CallCounter n = calls.get(service);
        return n == null ? Map.of() : n.byOperation();
    }

    /** One limiter per service and region, shared by every client and thread that calls it. */
    RateLimiter limiter(String service, String region) {
        return limiters.computeIfAbsent(service + "|" + region, k -> {
            RequestRates.Rate r = options.isRateLimited() ? RequestRates.of(service)
                    : new RequestRates.Rate(1_000_000, 1_000_000);
            return new RateLimiter(r.perSecond(), r.burst());
        });
    }

    /**
     * The limiter key: the API the client calls, whatever service its calls are counted under
     * (the Cognito collector's web ACL lookups are WAF requests, paced with WAF's).
     */
    private static String rateKey(Object builder, String service) {
        String name = builder.getClass().getName();
        return name.contains(".apigateway.") ? "apigateway" : name.contains(".s3control.") ? "s3control"
                : name.contains(".wafv2.") ? "wafv2" : name.contains(".cloudwatchlogs.") ? "logs" : service;
    }

    CallCounter counter(String service) {
        return calls.computeIfAbsent(service, k -> new CallCounter());
    }

    private <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(
            B builder, String service, String region, AwsCredentialsProvider creds, ReadOnlyInterceptor guard) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder();
        if (options.getProfile() != null) {
            // The whole profile applies, as in the AWS CLI: endpoint_url, retry and defaults mode.
            override.defaultProfileName(options.getProfile());
        }
        builder.region(Region.of(region))
                .credentialsProvider(creds)
                .httpClient(http)
                .overrideConfiguration(override
                        .retryStrategy(Retries.strategy(options.getMaxAttempts()))
                        .apiCallTimeout(options.getApiCallTimeout())
                        .apiCallAttemptTimeout(options.getAttemptTimeout())
                        .executionInterceptors(List.of(guard, counter(service),
                                new RateLimitInterceptor(limiter(rateKey(builder, service), region))))
                        .build());
        URI endpoint = endpoint(service);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    private URI endpoint(String service) {
        URI u = options.getServiceEndpoints().get(service);
        return u != null ? u : options.getEndpointUrl();
    }

    /** EC2 is not an SDK client here: the endpoint the SDK would configure is resolved by hand. */
    private URI ec2Endpoint() {
        URI u = endpoint("ec2");
        return u != null ? u : AwsProfiles.configuredEndpoint(options.getProfile(), "EC2").orElse(null);
    }

    @SuppressWarnings("unchecked")
    private <C extends SdkClient> C cached(String service, String region, Supplier<C> factory) {
        return (C) clients.computeIfAbsent(service + "|" + region, k -> factory.get());
    }

    private <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C extends SdkClient> C client(
            String service, String region, Supplier<B> builder) {
        return client(service, region, builder, service);
    }

    /** A client cached under {@code key} whose calls are counted (and endpoint-overridden) as {@code service}. */
    private <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C extends SdkClient> C client(
            String key, String region, Supplier<B> builder, String service) {
        return cached(key, region, () -> configure(builder.get(), service, region, credentials, readOnly).build());
    }

    public StsClient sts() {
        return client("sts", globalRegion, StsClient::builder);
    }

    /** EC2's two Describe calls, without the generated EC2 client (see {@link Ec2Query}). */
    public Ec2Query ec2(String region) {
        return ec2Queries.computeIfAbsent(region, r -> new Ec2Query(http, credentials,
                Retries.strategy(options.getMaxAttempts()), limiter("ec2", r),
                r, ec2Endpoint(), counter("ec2")));
    }

    public CognitoIdentityProviderClient cognito(String region) {
        return client("cognito-idp", region, CognitoIdentityProviderClient::builder);
    }

    public software.amazon.awssdk.services.wafv2.Wafv2Client wafv2(String region) {
        return client("wafv2", region, software.amazon.awssdk.services.wafv2.Wafv2Client::builder);
    }

    /**
     * API Gateway (REST APIs, resources, stages), counted under apigateway; the WAF collector's
     * associations take the REST APIs and stages this client read ({@link SharedReads}).
     */
    public ApiGatewayClient apigatewayApis(String region) {
        return client("apigateway-apis", region, ApiGatewayClient::builder, "apigateway");
    }

    public software.amazon.awssdk.services.lambda.LambdaClient lambda(String region) {
        return client("lambda", region, software.amazon.awssdk.services.lambda.LambdaClient::builder);
    }

    public software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamodb(String region) {
        return client("dynamodb", region, software.amazon.awssdk.services.dynamodb.DynamoDbClient::builder);
    }

    public software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient cognitoIdentity(String region) {
        return client("cognito-identity", region, software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient::builder);
    }

    public software.amazon.awssdk.services.cloudwatch.CloudWatchClient cloudwatch(String region) {
        return client("cloudwatch", region, software.amazon.awssdk.services.cloudwatch.CloudWatchClient::builder);
    }

    /** CloudWatch Logs for the metric filters the CloudWatch collector reads, counted under cloudwatch. */
    public CloudWatchLogsClient metricFilterLogs(String region) {
        return client("cloudwatch-logs", region, CloudWatchLogsClient::builder, "cloudwatch");
    }

    /**
     * CloudWatch Logs in the global region, for the CloudFront collector's standard logging v2
     * deliveries (CloudFront's vended logs are set up in us-east-1), counted under cloudfront.
     */
    public CloudWatchLogsClient cloudFrontDeliveryLogs() {
        return client("cloudfront-logs", globalRegion, CloudWatchLogsClient::builder, "cloudfront");
    }

    /** Wafv2 for the Cognito collector's web ACL lookups, counted under cognito-idp. */
    public software.amazon.awssdk.services.wafv2.Wafv2Client userPoolWafv2(String region) {
        return client("cognito-wafv2", region, software.amazon.awssdk.services.wafv2.Wafv2Client::builder, "cognito-idp");
    }

    public software.amazon.awssdk.services.securityhub.SecurityHubClient securityhub(String region) {
        return client("securityhub", region, software.amazon.awssdk.services.securityhub.SecurityHubClient::builder);
    }

    public software.amazon.awssdk.services.guardduty.GuardDutyClient guardduty(String region) {
        return client("guardduty", region, software.amazon.awssdk.services.guardduty.GuardDutyClient::builder);
    }

    public software.amazon.awssdk.services.macie2.Macie2Client macie2(String region) {
        return client("macie2", region, software.amazon.awssdk.services.macie2.Macie2Client::builder);
    }

    public software.amazon.awssdk.services.inspector2.Inspector2Client inspector2(String region) {
        return client("inspector2", region, software.amazon.awssdk.services.inspector2.Inspector2Client::builder);
    }

    public CloudFrontClient cloudfront() {
        return client("cloudfront", globalRegion, CloudFrontClient::builder);
    }

    public S3Client s3(String region) {
        return cached("s3", region, () -> {
            var b = configure(S3Client.builder(), "s3", region, credentials, readOnly);
            if (endpoint("s3") != null) {
                b.forcePathStyle(true);
            }
            return b.build();
        });
    }

    public S3ControlClient s3control() {
        return cached("s3control", globalRegion, () -> {
            // Counted under s3: the account-level public access block is part of the s3 service.
            var b = configure(S3ControlClient.builder(), "s3", globalRegion, credentials, readOnly);
            URI override = endpoint("s3");
            if (override != null) {
                // s3control puts the account id in front of the host; an override has no such host.
                b.endpointOverride(null);
                b.endpointProvider(params -> CompletableFuture.completedFuture(Endpoint.builder().url(override).build()));
            }
            return b.build();
        });
    }

    public CloudTrailClient cloudtrail(String region) {
        return client("cloudtrail", region, CloudTrailClient::builder);
    }

    public CloudWatchLogsClient logs(String region) {
        return client("logs", region, CloudWatchLogsClient::builder);
    }

    public BedrockClient bedrock(String region) {
        return client("bedrock", region, BedrockClient::builder);
    }

    public software.amazon.awssdk.services.bedrockagent.BedrockAgentClient bedrockAgent(String region) {
        return client("bedrock-agent", region, software.amazon.awssdk.services.bedrockagent.BedrockAgentClient::builder);
    }

    /** Organizations (global, read with the caller's own credentials: the management or delegated admin account). */
    public software.amazon.awssdk.services.organizations.OrganizationsClient organizations() {
        return client("organizations", globalRegion,
                software.amazon.awssdk.services.organizations.OrganizationsClient::builder);
    }

    public IamClient iam() {
        return client("iam", globalRegion, IamClient::builder);
    }

    public KmsClient kms(String region) {
        return client("kms", region, KmsClient::builder);
    }

    @Override
    public void close() {
        clients.values().forEach(SdkClient::close);
        clients.clear();
        if (assumeRoleSts != null) {
            assumeRoleSts.close();
        }
        http.close();
    }
}
