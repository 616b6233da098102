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

    private static final String[] VARIANTS = {
        "Bob.Smith@Mail.Example.co.uk", "bob.smith@mail.example.co.uk", " BOB.SMITH@MAIL.EXAMPLE.CO.UK\t",
        "bOb.sMiTh@mAiL.eXaMpLe.Co.Uk",
    };

    public static void main(String[] args) {
        check("heldOutCaseVariantsShareOneHash", () -> {
            int first = new EmailAddress(VARIANTS[0]).hashCode();
            for (String v : VARIANTS) {
                expectEqual(first, new EmailAddress(v).hashCode(), "hashCode of '" + v + "'");
            }
        });
        check("heldOutHashSetKeepsOneOfEachAddress", () -> {
            java.util.Set<EmailAddress> set = new java.util.HashSet<>();
            for (int round = 0; round < 3; round++) {
                for (String v : VARIANTS) {
                    set.add(new EmailAddress(v));
                }
                set.add(new EmailAddress("Carol@Example.NET"));
            }
            expectEqual(2, set.size(), "distinct addresses");
            expect(set.contains(new EmailAddress("carol@example.net")), "contains carol");
        });
        check("heldOutMailingListRoundTrip", () -> {
            MailingList list = new MailingList();
            expect(list.subscribe(new EmailAddress("Dora@Explorer.io")), "first subscribe");
            expect(!list.subscribe(new EmailAddress("DORA@explorer.IO")), "duplicate subscribe");
            expect(list.isSubscribed(new EmailAddress(" dora@explorer.io ")), "isSubscribed");
            expect(list.unsubscribe(new EmailAddress("dora@EXPLORER.io")), "unsubscribe");
            expect(!list.isSubscribed(new EmailAddress("Dora@Explorer.io")), "gone after unsubscribe");
        });
        check("heldOutDistinctAddressesStayDistinct", () -> {
            expect(!new EmailAddress("eve@example.com").equals(new EmailAddress("eve@example.co")), "different domain");
            java.util.Set<EmailAddress> set = new java.util.HashSet<>();
            for (String s : new String[] {"a1@x.io", "a2@x.io", "A1@X.IO", "a3@y.io"}) {
                set.add(new EmailAddress(s));
            }
            expectEqual(3, set.size(), "distinct addresses");
        });
        summary();
    }
}
