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

    public static void main(String[] args) {
        check("heldOutEveryLengthFindsEveryId", () -> {
            for (int n = 1; n <= 40; n++) {
                long[] ids = new long[n];
                for (int i = 0; i < n; i++) {
                    ids[i] = -500L + 7L * i;
                }
                for (int i = 0; i < n; i++) {
                    expectEqual(i, SortedIds.indexOf(ids, ids[i]), "n=" + n + " indexOf(" + ids[i] + ")");
                }
                expectEqual(-1, SortedIds.indexOf(ids, ids[0] - 1), "n=" + n + " below first");
                expectEqual(-1, SortedIds.indexOf(ids, ids[n - 1] + 1), "n=" + n + " above last");
            }
        });
        check("heldOutTwoElementArrays", () -> {
            long[] pair = {11, 12};
            expectEqual(0, SortedIds.indexOf(pair, 11), "indexOf(11)");
            expectEqual(1, SortedIds.indexOf(pair, 12), "indexOf(12)");
            expect(SortedIds.contains(pair, 12), "contains(12)");
            expect(!SortedIds.contains(pair, 13), "contains(13)");
        });
        check("heldOutExtremeValues", () -> {
            long[] ids = {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE};
            for (int i = 0; i < ids.length; i++) {
                expectEqual(i, SortedIds.indexOf(ids, ids[i]), "indexOf(" + ids[i] + ")");
            }
        });
        summary();
    }
}
