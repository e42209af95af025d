package io.tenken.collect;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts HTTP requests actually sent (every attempt, every page) for one service, in total and
 * per operation ({@code S3.GetBucketPolicy}: the SDK's service name, so the s3control call
 * counted under s3 stays apart from S3's own). The snapshot records both.
 */
final class CallCounter implements ExecutionInterceptor {
    private final AtomicLong total = new AtomicLong();
    private final Map<String, AtomicLong> byOperation = new ConcurrentHashMap<>();
    private final AtomicLong listed = new AtomicLong();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attrs) {
        record(attrs.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attrs.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    /**
     * A List or Describe answer: the resources on this page (the sizes of its list members, e.g.
     * DescribeLogGroups' logGroups), for the terminal's progress while a long listing pages on.
     * The response is already unmarshalled; counting reads a few fields and calls nothing.
     */
    @Override
    public void afterUnmarshalling(Context.AfterUnmarshalling context, ExecutionAttributes attrs) {
        String operation = attrs.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (operation == null || !(operation.startsWith("List") || operation.startsWith("Describe"))) {
            return;
        }
        for (SdkField<?> f : context.response().sdkFields()) {
            if (f.marshallingType() == MarshallingType.LIST && f.getValueOrDefault(context.response()) instanceof List<?> l) {
                listed.addAndGet(l.size());
            }
        }
    }

    long listed() {
        return listed.get();
    }

    /** One request of {@code operation} sent (also for calls made without an SDK client). */
    void record(String operation) {
        total.incrementAndGet();
        byOperation.computeIfAbsent(operation, k -> new AtomicLong()).incrementAndGet();
    }

    long total() {
        return total.get();
    }

    /** Requests per operation, sorted by name. */
    Map<String, Long> byOperation() {
        Map<String, Long> out = new TreeMap<>();
        byOperation.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }
}
