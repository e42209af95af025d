package io.tenken.collect;

import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** Counts HTTP requests actually sent (every attempt, every page) for one service. */
final class CallCounter implements ExecutionInterceptor {
    private final AtomicLong count;

    CallCounter(AtomicLong count) {
        this.count = count;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attrs) {
        count.incrementAndGet();
    }
}
