package io.tenken.collect;

import io.tenken.InvalidInputException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileLocation;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Named profiles read as the AWS CLI reads them: {@code ~/.aws/config} and
 * {@code ~/.aws/credentials} (or {@code AWS_CONFIG_FILE} / {@code AWS_SHARED_CREDENTIALS_FILE}),
 * with the profile's region, {@code endpoint_url}, role and SSO settings applied by the SDK.
 */
public final class AwsProfiles {
    private AwsProfiles() {
    }

    /** Fails with "profile NAME not found in FILES" (exit 2) when the profile does not exist. */
    public static void require(String name) {
        if (name == null) {
            return;
        }
        Optional<Profile> p = ProfileFile.defaultProfileFile().profile(name);
        if (p.isEmpty()) {
            throw InvalidInputException.of("error.profileNotFound", name, ProfileFileLocation.configurationFilePath(),
                    ProfileFileLocation.credentialsFilePath());
        }
    }

    /**
     * The region calls go to when none is given: AWS_REGION, AWS_DEFAULT_REGION, then the
     * profile's {@code region} (the AWS CLI's order); us-east-1 when none is set.
     */
    public static String homeRegion(String profile) {
        try {
            DefaultAwsRegionProviderChain chain = profile == null ? new DefaultAwsRegionProviderChain()
                    : DefaultAwsRegionProviderChain.builder().profileName(profile).build();
            return chain.getRegion().id();
        } catch (RuntimeException e) {
            return AwsClients.GLOBAL_CALL_REGION;
        }
    }

    /**
     * A configured endpoint for one service, as the SDK resolves them for its own clients:
     * AWS_ENDPOINT_URL_&lt;SERVICE&gt;, AWS_ENDPOINT_URL, then the profile's {@code endpoint_url};
     * none when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true.
     */
    public static Optional<URI> configuredEndpoint(String profile, String serviceEnvName) {
        if ("true".equalsIgnoreCase(System.getenv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"))) {
            return Optional.empty();
        }
        for (String var : new String[] {"AWS_ENDPOINT_URL_" + serviceEnvName.toUpperCase(Locale.ROOT), "AWS_ENDPOINT_URL"}) {
            String v = System.getenv(var);
            if (v != null && !v.isBlank()) {
                return Optional.of(URI.create(v.trim()));
            }
        }
        String name = profile != null ? profile : Optional.ofNullable(System.getenv("AWS_PROFILE")).orElse("default");
        return ProfileFile.defaultProfileFile().profile(name).flatMap(p -> p.property("endpoint_url")).map(s -> URI.create(s.trim()));
    }
}
