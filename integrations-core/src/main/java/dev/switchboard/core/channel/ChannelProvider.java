package dev.switchboard.core.channel;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One messaging provider (Telegram, Green API, Twilio, ...). A channel module contributes exactly
 * one bean of this type through its own auto-configuration; nothing in core names a channel.
 *
 * <p>Every remote call throws {@link ChannelException}, classified as retryable or permanent,
 * carrying the provider's status and reason. Implementations never put a secret in a message.
 */
public interface ChannelProvider {

    /** The integration type stored and shown in the API: {@code telegram}, {@code greenapi}, ... */
    String type();

    /** The path segment of {@code /webhooks/{segment}/{webhookKey}}; the type unless it differs. */
    default String webhookSegment() {
        return type();
    }

    ChannelCapabilities capabilities();

    /**
     * Turns a user-supplied recipient ({@code to}) into this channel's chat id.
     *
     * @throws InvalidInputException naming {@code to} when it is not a recipient of this channel
     */
    default String normalizeRecipient(String to) {
        if (to == null || to.isBlank()) {
            throw InvalidInputException.of("to", "must not be blank");
        }
        return to.trim();
    }

    /**
     * Checks the format of the credentials a user supplied, without any network call.
     *
     * @throws InvalidInputException naming each bad field by its path under {@code credentials}
     */
    ChannelCredentials validateCredentials(Map<String, Object> raw);

    /**
     * Checks and normalizes the settings a user supplied (e.g. Telegram's {@code mode}), filling in
     * defaults that depend on the deployment.
     *
     * @throws InvalidInputException naming each bad field by its path under {@code settings}
     */
    default Map<String, Object> validateSettings(Map<String, Object> raw, ConnectTarget target) {
        return raw == null ? Map.of() : raw;
    }

    /**
     * Verifies the credentials with the provider and registers our webhook where the provider
     * allows it. Returns what to store: the credentials (possibly with generated secrets added),
     * the effective settings and a remote identity for display.
     */
    ConnectResult connect(IntegrationHandle integration) throws ChannelException;

    /** Makes the remote registration match ours again (webhook URL, secret, switches). */
    ReconcileReport reconcile(IntegrationHandle integration) throws ChannelException;

    /** Removes our registration from the provider (best effort: the integration goes anyway). */
    void disconnect(IntegrationHandle integration) throws ChannelException;

    /** A cheap health probe of the credentials and the remote side. */
    HealthReport check(IntegrationHandle integration) throws ChannelException;

    /**
     * Authenticates one webhook delivery the provider's way, in constant time.
     *
     * @throws WebhookRejectedException with {@code UNAUTHORIZED} when it does not come from the provider
     */
    void authenticate(IntegrationHandle integration, WebhookRequest request);

    /**
     * Parses an authenticated webhook delivery into normalized events. Event types the platform
     * does not handle are dropped here (an empty list is a valid answer).
     *
     * @throws WebhookRejectedException with {@code MALFORMED} when the body is not what the provider sends
     */
    List<InboundEvent> parse(IntegrationHandle integration, WebhookRequest request);

    /** The answer to a stored webhook delivery; most providers want an empty 200. */
    default WebhookReply webhookReply(IntegrationHandle integration, WebhookRequest request) {
        return WebhookReply.EMPTY;
    }

    /** One delivery attempt of one outbound message. */
    SendReceipt send(IntegrationHandle integration, OutboundMessage message) throws ChannelException;

    /** Called once an inbound event is processed, e.g. to stop the spinner of a pressed button. */
    default void acknowledge(IntegrationHandle integration, InboundMessage message) throws ChannelException {
    }

    /**
     * Fetches what changed remotely after a {@link RemoteChange} (e.g. a calendar's incremental
     * sync), with the integration's tenant in context. Runs on the work queue.
     */
    default void synchronize(IntegrationHandle integration) throws ChannelException {
    }

    /** A pull-based receiver, for integrations that cannot be reached by webhooks. */
    default Optional<PollingReceiver> polling() {
        return Optional.empty();
    }
}
