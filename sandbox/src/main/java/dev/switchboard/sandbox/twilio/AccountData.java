package dev.switchboard.sandbox.twilio;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One account's mutable state; guarded by the {@link TwilioState} lock. */
final class AccountData {

    /** A sender's incoming-message webhook and optional fallback, as configured (fragments included). */
    record Hook(String url, String fallbackUrl) {
    }

    /** A create POST that a fault answered, remembered to count the SDK's retries. */
    record FailedAttempt(String fingerprint, Instant at) {
    }

    final Account account;
    final String friendlyName;
    final Instant created;
    final Set<String> senders = new LinkedHashSet<>();
    final Map<String, String> channelInstallSids = new LinkedHashMap<>();
    final Map<String, Hook> hooks = new LinkedHashMap<>();
    final Map<String, List<String>> services = new LinkedHashMap<>();
    final List<CallbackDelivery> callbacks = new ArrayList<>();
    final List<WebhookDelivery> inbound = new ArrayList<>();
    final List<FailedAttempt> failedAttempts = new ArrayList<>();

    AccountData(Account account, String friendlyName, Instant created) {
        this.account = account;
        this.friendlyName = friendlyName;
        this.created = created;
    }

    String sid() {
        return account.sid();
    }

    String token() {
        return account.authToken();
    }

    /** The Messaging Service a sender belongs to, or null. */
    String serviceOf(String sender) {
        return services.entrySet().stream().filter(entry -> entry.getValue().contains(sender))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }
}
