package io.tenken.collect;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** Paces every HTTP attempt (retries included) of one client through its service's and region's limiter. */
final class RateLimitInterceptor implements ExecutionInterceptor {
    private final RateLimiter limiter;

    RateLimitInterceptor(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attrs) {
        limiter.acquire();
    }
}
