import java.util.HashSet;
import java.util.Set;

/** The subscribers of one newsletter; each address is subscribed at most once. */
public final class MailingList {
    private final Set<EmailAddress> subscribers = new HashSet<>();

    /** Subscribes {@code address}; returns false when it was already subscribed. */
    public boolean subscribe(EmailAddress address) {
        return subscribers.add(address);
    }

    public boolean unsubscribe(EmailAddress address) {
        return subscribers.remove(address);
    }

    public boolean isSubscribed(EmailAddress address) {
        return subscribers.contains(address);
    }

    public int size() {
        return subscribers.size();
    }
}
