package io.tenken.collect;

import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * How failed calls are retried: the SDK's standard strategy with exponential backoff and full
 * jitter (throttling errors back off from a longer base), and without the retry-quota circuit
 * breaker. Not the adaptive mode: after throttling errors its client-side rate limiter cut a scan
 * from 55 to 3.5 requests per second; pacing is done by {@link RateLimiter} at the documented
 * rates instead, so retries stay rare and never starve the other calls.
 */
final class Retries {
    static final Duration BASE = Duration.ofMillis(100);
    static final Duration THROTTLED_BASE = Duration.ofMillis(500);
    static final Duration MAX = Duration.ofSeconds(20);

    private Retries() {
    }

    static RetryStrategy strategy(int maxAttempts) {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(Math.max(1, maxAttempts))
                .backoffStrategy(BackoffStrategy.exponentialDelay(BASE, MAX))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(THROTTLED_BASE, MAX))
                .circuitBreakerEnabled(false)
                .build();
    }
}
