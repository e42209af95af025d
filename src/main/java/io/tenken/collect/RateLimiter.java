package io.tenken.collect;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A token bucket: up to {@code burst} requests at once, refilled at {@code perSecond}. Callers
 * reserve a slot under a short lock and wait outside it, so waiting threads queue fairly in
 * reservation order and the long-run rate never exceeds {@code perSecond}.
 */
final class RateLimiter {
    private final double intervalNanos;
    private final double burstNanos;
    /** When the bucket would be full again if nothing more were taken. */
    private double fullAt;

    RateLimiter(double perSecond, int burst) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be positive and burst at least 1");
        }
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        this.burstNanos = intervalNanos * burst;
        this.fullAt = System.nanoTime();
    }

    /** Waits until one request may be sent; returns the nanoseconds waited. */
    long acquire() {
        long now = System.nanoTime();
        long wait;
        synchronized (this) {
            // The bucket cannot hold more than `burst` tokens: time before (now - burst) is not credit.
            double start = Math.max(fullAt, now - burstNanos);
            fullAt = start + intervalNanos;
            wait = (long) Math.max(0, fullAt - now - burstNanos);
        }
        long deadline = now + wait;
        while (wait > 0) {
            LockSupport.parkNanos(wait);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                break;
            }
            wait = deadline - System.nanoTime();
        }
        return Math.max(0, deadline - now);
    }
}
