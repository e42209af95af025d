package io.tenken.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The token bucket's pacing, computed from reservation times given to it (no clock, no sleeping):
 * a burst goes at once, the rest queue in reservation order one interval apart, and idle time
 * refills at most a burst.
 */
class RateLimiterTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long T0 = 1_000 * SECOND;

    @Test
    void aBurstGoesAtOnceAndTheRestQueueOneIntervalApart() {
        RateLimiter l = new RateLimiter(10, 5, T0);
        for (int i = 0; i < 5; i++) {
            assertEquals(0, l.reserve(T0), "request " + i + " of the burst");
        }
        long interval = SECOND / 10;
        for (int k = 1; k <= 20; k++) {
            assertEquals(k * interval, l.reserve(T0), "request " + k + " beyond the burst");
        }
    }

    @Test
    void theLongRunRateNeverExceedsTheRate() {
        RateLimiter l = new RateLimiter(20, 100, T0);
        // 1,100 requests asked for at once: the last may go once 1,000 intervals have passed.
        long last = 0;
        for (int i = 0; i < 1_100; i++) {
            last = l.reserve(T0);
        }
        assertEquals(50 * SECOND, last);
    }

    @Test
    void idleTimeRefillsAtMostABurst() {
        RateLimiter l = new RateLimiter(10, 3, T0);
        for (int i = 0; i < 3; i++) {
            l.reserve(T0);
        }
        long later = T0 + 3_600 * SECOND;
        for (int i = 0; i < 3; i++) {
            assertEquals(0, l.reserve(later), "an hour idle: the burst again");
        }
        assertEquals(SECOND / 10, l.reserve(later), "but not more than the burst");
    }

    @Test
    void partOfTheBucketRefillsInProportionToTheTimePassed() {
        RateLimiter l = new RateLimiter(10, 4, T0);
        for (int i = 0; i < 4; i++) {
            l.reserve(T0);
        }
        long interval = SECOND / 10;
        long now = T0 + 2 * interval + interval / 2;
        assertEquals(0, l.reserve(now));
        assertEquals(0, l.reserve(now));
        assertEquals(interval / 2, l.reserve(now), "the third waits for the half-refilled token");
    }

    @Test
    void refusesANonPositiveRateOrAnEmptyBurst() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0, 1, T0));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(1, 0, T0));
    }
}
