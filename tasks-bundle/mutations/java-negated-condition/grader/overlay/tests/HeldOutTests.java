import java.util.ArrayList;
import java.util.List;

public final class HeldOutTests {
    interface Body {
        void run() throws Exception;
    }

    private static int count = 0;
    private static final List<String> failed = new ArrayList<>();

    static void check(String name, Body body) {
        count++;
        try {
            body.run();
            System.out.println("PASS " + name);
        } catch (Throwable t) {
            failed.add(name);
            System.out.println("FAIL " + name + ": " + t);
        }
    }

    static void expect(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    static void expectEqual(Object expected, Object actual, String what) {
        if (expected == null ? actual != null : !expected.equals(actual)) {
            throw new AssertionError(what + ": expected <" + expected + "> but was <" + actual + ">");
        }
    }

    private static void summary() {
        System.out.println();
        System.out.println("Held-out tests run: " + count + ", Failures: " + failed.size());
        if (!failed.isEmpty()) {
            System.out.println("Failed: " + String.join(", ", failed));
            System.exit(1);
        }
    }

    static final class ManualClock implements java.util.function.LongSupplier {
        long at = 5_000_000L;

        @Override
        public long getAsLong() {
            return at;
        }
    }

    public static void main(String[] args) {
        check("heldOutExactlyLimitPerWindowOverSeveralWindows", () -> {
            ManualClock clock = new ManualClock();
            RateLimiter limiter = new RateLimiter(4, 250, clock);
            for (int window = 0; window < 3; window++) {
                for (int i = 1; i <= 4; i++) {
                    expect(limiter.tryAcquire(), "window " + window + " call " + i + " allowed");
                    expectEqual(4 - i, limiter.remaining(), "remaining in window " + window);
                }
                expect(!limiter.tryAcquire(), "window " + window + " call 5 rejected");
                expect(!limiter.tryAcquire(), "window " + window + " call 6 rejected");
                clock.at += 250;
            }
        });
        check("heldOutLimitOfOne", () -> {
            ManualClock clock = new ManualClock();
            RateLimiter limiter = new RateLimiter(1, 10, clock);
            expect(limiter.tryAcquire(), "first call allowed");
            expect(!limiter.tryAcquire(), "second call rejected");
            clock.at += 9;
            expect(!limiter.tryAcquire(), "still rejected at +9");
            clock.at += 5;
            expect(limiter.tryAcquire(), "allowed in the next window");
        });
        check("heldOutFreePlanNeverAllowed", () -> {
            ManualClock clock = new ManualClock();
            RateLimiter limiter = new RateLimiter(0, 60_000, clock);
            for (int i = 0; i < 5; i++) {
                expect(!limiter.tryAcquire(), "free plan call " + i + " rejected");
                clock.at += 60_000;
            }
        });
        summary();
    }
}
