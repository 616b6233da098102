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

    private static final String[][] SAME = {
        {"ada@example.com", "ada@example.com"},
        {"Ada@Example.com", "ada@example.com"},
        {"  GRACE@navy.mil ", "grace@NAVY.MIL"},
        {"Linus@Kernel.org", "LINUS@KERNEL.ORG"},
    };

    public static void main(String[] args) {
        test("equalsIgnoresCaseAndWhitespace", () -> {
            for (String[] pair : SAME) {
                assertTrue(new EmailAddress(pair[0]).equals(new EmailAddress(pair[1])), pair[0] + " equals " + pair[1]);
            }
            assertTrue(!new EmailAddress("ada@example.com").equals(new EmailAddress("ada@example.org")), "different domains");
        });
        test("equalAddressesHaveEqualHashCodes", () -> {
            for (String[] pair : SAME) {
                assertEquals(new EmailAddress(pair[0]).hashCode(), new EmailAddress(pair[1]).hashCode(),
                        "hashCode of '" + pair[0] + "' vs '" + pair[1] + "'");
            }
        });
        test("hashCodeIsStable", () -> {
            EmailAddress a = new EmailAddress("Ada@Example.com");
            assertEquals(a.hashCode(), a.hashCode(), "hashCode called twice");
        });
        test("subscribingTwiceWithDifferentCaseIsOneSubscriber", () -> {
            MailingList list = new MailingList();
            assertTrue(list.subscribe(new EmailAddress("Ada@Example.com")), "first subscribe");
            assertTrue(!list.subscribe(new EmailAddress("ada@example.com ")), "second subscribe is a duplicate");
            assertEquals(1, list.size(), "subscriber count");
        });
        test("lookupWithANewInstance", () -> {
            MailingList list = new MailingList();
            list.subscribe(new EmailAddress("grace@navy.mil"));
            assertTrue(list.isSubscribed(new EmailAddress("Grace@Navy.mil")), "isSubscribed");
            assertTrue(list.unsubscribe(new EmailAddress("GRACE@NAVY.MIL")), "unsubscribe");
            assertEquals(0, list.size(), "subscriber count after unsubscribe");
        });
        test("hashMapKeysWorkAcrossInstances", () -> {
            java.util.Map<EmailAddress, Integer> opens = new java.util.HashMap<>();
            for (int i = 0; i < 50; i++) {
                opens.merge(new EmailAddress(i % 2 == 0 ? "Ada@Example.com" : "ada@example.COM"), 1, Integer::sum);
            }
            assertEquals(1, opens.size(), "distinct keys");
            assertEquals(50, opens.get(new EmailAddress("ADA@EXAMPLE.COM")), "count");
        });
        test("differentAddressesStayDistinct", () -> {
            MailingList list = new MailingList();
            list.subscribe(new EmailAddress("ada@example.com"));
            list.subscribe(new EmailAddress("grace@navy.mil"));
            list.subscribe(new EmailAddress("ada@example.com"));
            assertEquals(2, list.size(), "subscriber count");
        });
        test("rejectsInvalidAddresses", () -> {
            for (String bad : new String[] {"", "ada", "@example.com", "ada@", "a@b@c"}) {
                assertThrows(IllegalArgumentException.class, () -> new EmailAddress(bad));
            }
        });
        finish();
    }
}
