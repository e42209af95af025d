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
        this(perSecond, burst, System.nanoTime());
    }

    /** A limiter whose bucket is full at {@code now} (nanoTime). */
    RateLimiter(double perSecond, int burst, long now) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be positive and burst at least 1");
        }
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        this.burstNanos = intervalNanos * burst;
        this.fullAt = now;
    }

    /** Waits until one request may be sent; returns the nanoseconds waited. */
    long acquire() {
        long now = System.nanoTime();
        long wait = reserve(now);
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

    /**
     * Takes the next slot for a request made at {@code now} (nanoTime) and returns how long the
     * caller must wait before sending it. Depends on nothing but the slots taken before, so the
     * pacing is testable without a clock.
     */
    synchronized long reserve(long now) {
        // A bucket full before now is full now: idle time is not credit beyond the burst.
        double start = Math.max(fullAt, now);
        fullAt = start + intervalNanos;
        return (long) Math.max(0, fullAt - now - burstNanos);
    }
}
