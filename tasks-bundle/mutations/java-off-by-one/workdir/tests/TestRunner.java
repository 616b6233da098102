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

    public static void main(String[] args) {
        long[] ids = {3, 8, 15, 16, 23, 42, 108};
        test("findsFirstElement", () -> assertEquals(0, SortedIds.indexOf(ids, 3), "indexOf(3)"));
        test("findsLastElement", () -> assertEquals(6, SortedIds.indexOf(ids, 108), "indexOf(108)"));
        test("findsEveryElement", () -> {
            for (int i = 0; i < ids.length; i++) {
                assertEquals(i, SortedIds.indexOf(ids, ids[i]), "indexOf(" + ids[i] + ")");
            }
        });
        test("singleElementArray", () -> {
            assertEquals(0, SortedIds.indexOf(new long[] {7}, 7), "indexOf(7) in {7}");
            assertTrue(SortedIds.contains(new long[] {7}, 7), "contains(7) in {7}");
        });
        test("absentIdsReturnMinusOne", () -> {
            for (long id : new long[] {0, 4, 17, 41, 43, 109, Long.MAX_VALUE, Long.MIN_VALUE}) {
                assertEquals(-1, SortedIds.indexOf(ids, id), "indexOf(" + id + ")");
            }
        });
        test("emptyArray", () -> {
            assertEquals(-1, SortedIds.indexOf(new long[0], 1), "indexOf in empty array");
            assertTrue(!SortedIds.contains(new long[0], 1), "contains in empty array");
        });
        test("largeArray", () -> {
            long[] big = new long[1000];
            for (int i = 0; i < big.length; i++) {
                big[i] = 2L * i;
            }
            for (int i = 0; i < big.length; i++) {
                assertEquals(i, SortedIds.indexOf(big, 2L * i), "indexOf(" + (2L * i) + ")");
                assertEquals(-1, SortedIds.indexOf(big, 2L * i + 1), "indexOf(" + (2L * i + 1) + ")");
            }
        });
        finish();
    }
}
