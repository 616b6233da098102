import java.util.ArrayList;
import java.util.List;

public final class TestRunner {
    interface Check {
        void run() throws Exception;
    }

    private static int run = 0;
    private static final List<String> failures = new ArrayList<>();

    static void test(String name, Check check) {
        run++;
        try {
            check.run();
            System.out.println("PASS " + name);
        } catch (Throwable t) {
            failures.add(name);
            System.out.println("FAIL " + name + ": " + t);
        }
    }

    static void assertTrue(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    static void assertEquals(Object expected, Object actual, String what) {
        if (expected == null ? actual != null : !expected.equals(actual)) {
            throw new AssertionError(what + ": expected <" + expected + "> but was <" + actual + ">");
        }
    }

    static <T extends Throwable> T assertThrows(Class<T> type, Check check) {
        try {
            check.run();
        } catch (Throwable t) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            throw new AssertionError("expected " + type.getSimpleName() + " but got " + t, t);
        }
        throw new AssertionError("expected " + type.getSimpleName() + " but nothing was thrown");
    }

    private static void finish() {
        System.out.println();
        System.out.println("Tests run: " + run + ", Failures: " + failures.size());
        if (!failures.isEmpty()) {
            System.out.println("Failed: " + String.join(", ", failures));
            System.exit(1);
        }
    }

    /** A clock the tests move by hand. */
    static final class FakeClock implements java.util.function.LongSupplier {
        long now = 1_000_000L;

        @Override
        public long getAsLong() {
            return now;
        }
    }

    public static void main(String[] args) {
        test("allowsUpToTheLimit", () -> {
            RateLimiter limiter = new RateLimiter(3, 1000, new FakeClock());
            for (int i = 1; i <= 3; i++) {
                assertTrue(limiter.tryAcquire(), "call " + i + " of 3 should be allowed");
            }
        });
        test("rejectsCallsOverTheLimit", () -> {
            RateLimiter limiter = new RateLimiter(2, 1000, new FakeClock());
            limiter.tryAcquire();
            limiter.tryAcquire();
            assertTrue(!limiter.tryAcquire(), "third call in the window should be rejected");
            assertTrue(!limiter.tryAcquire(), "fourth call in the window should be rejected");
            assertEquals(0, limiter.remaining(), "remaining");
        });
        test("newWindowResetsTheCount", () -> {
            FakeClock clock = new FakeClock();
            RateLimiter limiter = new RateLimiter(2, 1000, clock);
            assertTrue(limiter.tryAcquire() && limiter.tryAcquire(), "first window: 2 allowed");
            assertTrue(!limiter.tryAcquire(), "first window: third rejected");
            clock.now += 999;
            assertTrue(!limiter.tryAcquire(), "still the first window at +999 ms");
            clock.now += 1;
            assertEquals(2, limiter.remaining(), "remaining after the window ends");
            assertTrue(limiter.tryAcquire(), "second window: first call allowed");
        });
        test("remainingCountsDown", () -> {
            RateLimiter limiter = new RateLimiter(5, 60_000, new FakeClock());
            assertEquals(5, limiter.remaining(), "remaining before any call");
            limiter.tryAcquire();
            limiter.tryAcquire();
            assertEquals(3, limiter.remaining(), "remaining after two calls");
        });
        test("zeroLimitRejectsEverything", () -> {
            RateLimiter limiter = new RateLimiter(0, 1000, new FakeClock());
            assertTrue(!limiter.tryAcquire(), "a limit of 0 allows nothing");
            assertEquals(0, limiter.remaining(), "remaining");
        });
        test("constructorValidatesArguments", () -> {
            assertThrows(IllegalArgumentException.class, () -> new RateLimiter(-1, 1000, new FakeClock()));
            assertThrows(IllegalArgumentException.class, () -> new RateLimiter(1, 0, new FakeClock()));
        });
        finish();
    }
}
