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

    static final class CountingReader extends java.io.StringReader {
        int closeCalls = 0;

        CountingReader(String text) {
            super(text);
        }

        @Override
        public void close() {
            closeCalls++;
            super.close();
        }
    }

    static final class BrokenMountReader extends java.io.Reader {
        private final String head;
        private int at = 0;
        int closeCalls = 0;

        BrokenMountReader(String head) {
            this.head = head;
        }

        @Override
        public int read(char[] buf, int off, int len) throws java.io.IOException {
            if (at >= head.length()) {
                throw new java.io.IOException("input/output error on nfs share");
            }
            int n = Math.min(len, head.length() - at);
            head.getChars(at, at + n, buf, off);
            at += n;
            return n;
        }

        @Override
        public void close() {
            closeCalls++;
        }
    }

    public static void main(String[] args) {
        check("heldOutClosesWhenFirstLineIsMalformed", () -> {
            CountingReader src = new CountingReader("no equals sign here\nx=1\n");
            try {
                PropertiesLoader.load(src);
                throw new AssertionError("expected ConfigException");
            } catch (ConfigException e) {
                expectEqual(1, e.line(), "reported line");
            }
            expectEqual(1, src.closeCalls, "close() calls");
        });
        check("heldOutClosesAfterMalformedLineDeepInFile", () -> {
            StringBuilder text = new StringBuilder("# generated\n");
            for (int i = 0; i < 30; i++) {
                text.append("key").append(i).append(" = v").append(i).append('\n');
            }
            text.append("= orphan value\n");
            CountingReader src = new CountingReader(text.toString());
            try {
                PropertiesLoader.load(src);
                throw new AssertionError("expected ConfigException");
            } catch (ConfigException e) {
                expectEqual(32, e.line(), "reported line");
                expect(e.getMessage().startsWith("line 32: "), "message " + e.getMessage());
            }
            expectEqual(1, src.closeCalls, "close() calls");
        });
        check("heldOutClosesWhenReadFailsImmediately", () -> {
            BrokenMountReader src = new BrokenMountReader("");
            try {
                PropertiesLoader.load(src);
                throw new AssertionError("expected IOException");
            } catch (java.io.IOException e) {
                expectEqual("input/output error on nfs share", e.getMessage(), "message");
            }
            expectEqual(1, src.closeCalls, "close() calls");
        });
        check("heldOutValidFileLoadsAndClosesOnce", () -> {
            CountingReader src = new CountingReader("\n  host = db.internal \n#port=1\nport=5432\n");
            java.util.Map<String, String> props = PropertiesLoader.load(src);
            expectEqual("{host=db.internal, port=5432}", props.toString(), "properties");
            expectEqual(1, src.closeCalls, "close() calls");
        });
        summary();
    }
}
