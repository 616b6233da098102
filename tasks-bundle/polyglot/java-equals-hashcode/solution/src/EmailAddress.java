import java.util.Locale;

/**
 * An e-mail address as entered by a user. Two addresses are equal when they
 * are the same ignoring case and surrounding whitespace, so "Ada@Example.com"
 * and " ada@example.com" are the same subscriber.
 */
public final class EmailAddress {
    private final String value;

    public EmailAddress(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("address must not be null");
        }
        String trimmed = raw.trim();
        int at = trimmed.indexOf('@');
        if (at <= 0 || at != trimmed.lastIndexOf('@') || at == trimmed.length() - 1) {
            throw new IllegalArgumentException("not an e-mail address: '" + raw + "'");
        }
        this.value = trimmed;
    }

    /** The address as the user typed it (trimmed). */
    public String value() {
        return value;
    }

    private String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof EmailAddress)) {
            return false;
        }
        return normalized().equals(((EmailAddress) other).normalized());
    }

    @Override
    public int hashCode() {
        return normalized().hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
