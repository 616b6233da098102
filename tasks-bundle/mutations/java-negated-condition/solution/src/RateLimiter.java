import java.util.function.LongSupplier;

/**
 * Fixed-window rate limiter for the public API: at most {@code limit} calls
 * are allowed per window of {@code windowMillis} milliseconds. The clock is
 * injected so the limiter can be tested without sleeping.
 */
public final class RateLimiter {
    private final int limit;
    private final long windowMillis;
    private final LongSupplier clock;
    private long windowStart;
    private int used;

    public RateLimiter(int limit, long windowMillis, LongSupplier clock) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0");
        }
        if (windowMillis <= 0) {
            throw new IllegalArgumentException("windowMillis must be > 0");
        }
        this.limit = limit;
        this.windowMillis = windowMillis;
        this.clock = clock;
        this.windowStart = clock.getAsLong();
    }

    /** Takes one permit if one is left in the current window. */
    public synchronized boolean tryAcquire() {
        long now = clock.getAsLong();
        if (now - windowStart >= windowMillis) {
            windowStart = now;
            used = 0;
        }
        if (used < limit) {
            used++;
            return true;
        }
        return false;
    }

    /** Permits left in the current window (without taking one). */
    public synchronized int remaining() {
        if (clock.getAsLong() - windowStart >= windowMillis) {
            return limit;
        }
        return limit - used;
    }
}
