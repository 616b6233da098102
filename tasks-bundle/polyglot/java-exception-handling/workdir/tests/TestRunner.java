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

    /** A reader over a fixed text that records whether it was closed. */
    static final class TrackingReader extends java.io.StringReader {
        int closes = 0;

        TrackingReader(String text) {
            super(text);
        }

        @Override
        public void close() {
            closes++;
            super.close();
        }
    }

    /** A reader that serves {@code prefix} and then fails like a dropped network mount. */
    static final class FailingReader extends java.io.Reader {
        private final String prefix;
        private int pos = 0;
        int closes = 0;

        FailingReader(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public int read(char[] buf, int off, int len) throws java.io.IOException {
            if (pos >= prefix.length()) {
                throw new java.io.IOException("stale file handle");
            }
            int n = Math.min(len, prefix.length() - pos);
            prefix.getChars(pos, pos + n, buf, off);
            pos += n;
            return n;
        }

        @Override
        public void close() {
            closes++;
        }
    }

    public static void main(String[] args) {
        test("loadsKeyValuePairs", () -> {
            TrackingReader src = new TrackingReader("# ingest\nthreads = 4\n\nqueue=events\n");
            java.util.Map<String, String> props = PropertiesLoader.load(src);
            assertEquals("{threads=4, queue=events}", props.toString(), "properties");
        });
        test("closesSourceAfterSuccess", () -> {
            TrackingReader src = new TrackingReader("a=1\n");
            PropertiesLoader.load(src);
            assertEquals(1, src.closes, "close() calls");
        });
        test("malformedLineReportsLineNumber", () -> {
            TrackingReader src = new TrackingReader("a=1\n\nthis is not a property\n");
            ConfigException e = assertThrows(ConfigException.class, () -> PropertiesLoader.load(src));
            assertEquals(3, e.line(), "reported line");
        });
        test("closesSourceWhenLineIsMalformed", () -> {
            TrackingReader src = new TrackingReader("a=1\n=missing key\nb=2\n");
            assertThrows(ConfigException.class, () -> PropertiesLoader.load(src));
            assertEquals(1, src.closes, "close() calls after ConfigException");
        });
        test("propagatesReadFailure", () -> {
            FailingReader src = new FailingReader("a=1\nb=");
            java.io.IOException e = assertThrows(java.io.IOException.class, () -> PropertiesLoader.load(src));
            assertEquals("stale file handle", e.getMessage(), "message");
        });
        test("closesSourceWhenReadFails", () -> {
            FailingReader src = new FailingReader("a=1\nb=");
            assertThrows(java.io.IOException.class, () -> PropertiesLoader.load(src));
            assertEquals(1, src.closes, "close() calls after IOException");
        });
        finish();
    }
}
