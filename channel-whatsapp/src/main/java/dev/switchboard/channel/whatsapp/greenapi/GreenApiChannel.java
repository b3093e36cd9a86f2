package dev.switchboard.channel.whatsapp.greenapi;

import dev.switchboard.channel.whatsapp.ChatIds;
import dev.switchboard.channel.whatsapp.PhoneNumbers;
import dev.switchboard.channel.whatsapp.greenapi.client.GreenApiClient;
import dev.switchboard.channel.whatsapp.greenapi.client.GreenApiInstance;
import dev.switchboard.channel.whatsapp.greenapi.model.GreenApiSettings;
import dev.switchboard.channel.whatsapp.greenapi.model.InstanceStates;
import dev.switchboard.channel.whatsapp.greenapi.webhook.GreenApiWebhook;
import dev.switchboard.core.channel.ChannelCapabilities;
import dev.switchboard.core.channel.ChannelCredentials;
import dev.switchboard.core.channel.ChannelException;
import dev.switchboard.core.channel.ChannelProvider;
import dev.switchboard.core.channel.ConnectResult;
import dev.switchboard.core.channel.ConnectTarget;
import dev.switchboard.core.channel.HealthReport;
import dev.switchboard.core.channel.InboundEvent;
import dev.switchboard.core.channel.IntegrationHandle;
import dev.switchboard.core.channel.InvalidInputException;
import dev.switchboard.core.channel.OutboundMessage;
import dev.switchboard.core.channel.PollingReceiver;
import dev.switchboard.core.channel.ReconcileReport;
import dev.switchboard.core.channel.SendReceipt;
import dev.switchboard.core.channel.WebhookRejectedException;
import dev.switchboard.core.channel.WebhookRequest;
import dev.switchboard.core.support.RandomTokens;
import dev.switchboard.core.vault.Secret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's own WhatsApp number through a Green API instance. Connect checks the instance with
 * {@code getStateInstance} (only {@code authorized} can work) and points its notifications at us
 * through {@code setSettings}: our webhook URL with a per-integration token, or — in polling mode —
 * no URL, so {@link GreenApiPolling} fetches them with {@code receiveNotification}.
 */
public class GreenApiChannel implements ChannelProvider {

    public static final String TYPE = "greenapi";
    static final String MODE = "mode";
    static final String WEBHOOK = "webhook";
    static final String POLLING = "polling";
    /** Green API's own name for the instance's gap between queued sends; at least 500 ms. */
    static final String SEND_DELAY = "delaySendMessagesMilliseconds";
    static final long MIN_SEND_DELAY_MILLIS = 500;

    /**
     * Green API sends an instance's queue at most once per {@code delaySendMessagesMilliseconds}, at
     * least 500 ms: 2 per second is the most an instance can take (its HTTP limit, 50/s, is far
     * above). Per chat WhatsApp publishes no rate; one a second keeps a person's phone calm.
     */
    private static final ChannelCapabilities CAPABILITIES =
            new ChannelCapabilities(true, true, true, true, 20_000, 1000.0 / MIN_SEND_DELAY_MILLIS, 1, 20);

    private final GreenApiClient client;
    private final GreenApiWebhook webhook;
    private final GreenApiProperties properties;
    private final GreenApiSender sender;
    private final GreenApiPolling polling;

    public GreenApiChannel(GreenApiClient client, GreenApiWebhook webhook, GreenApiProperties properties) {
        this.client = client;
        this.webhook = webhook;
        this.properties = properties;
        this.sender = new GreenApiSender(client);
        this.polling = new GreenApiPolling(client, webhook);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return CAPABILITIES;
    }

    /** A phone number (any form {@link PhoneNumbers} takes) or a group's chat id ({@code …@g.us}). */
    @Override
    public String normalizeRecipient(String to) {
        String trimmed = to == null ? "" : to.trim();
        if (ChatIds.isGroup(trimmed)) {
            return trimmed;
        }
        return ChatIds.personal(PhoneNumbers.require("to", trimmed));
    }

    @Override
    public ChannelCredentials validateCredentials(Map<String, Object> raw) {
        return GreenApiCredentials.validate(raw, properties);
    }

    @Override
    public Map<String, Object> validateSettings(Map<String, Object> raw, ConnectTarget target) {
        Map<String, Object> input = raw == null ? Map.of() : raw;
        Object mode = input.getOrDefault(MODE, loopback(target) ? POLLING : WEBHOOK);
        if (!WEBHOOK.equals(mode) && !POLLING.equals(mode)) {
            throw InvalidInputException.of("settings." + MODE, "must be webhook or polling");
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(MODE, mode);
        Object delay = input.get(SEND_DELAY);
        if (delay != null) {
            if (!(delay instanceof Number number) || number.doubleValue() != number.longValue()
                    || number.longValue() < MIN_SEND_DELAY_MILLIS) {
                throw InvalidInputException.of("settings." + SEND_DELAY,
                        "must be a whole number of milliseconds, at least " + MIN_SEND_DELAY_MILLIS);
            }
            settings.put(SEND_DELAY, number.longValue());
        }
        return settings;
    }

    /** Green API cannot reach a loopback address: such a deployment polls unless told otherwise. */
    private static boolean loopback(ConnectTarget target) {
        String host = target.publicUrl().getHost();
        return host == null || host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }

    @Override
    public ConnectResult connect(IntegrationHandle integration) throws ChannelException {
        GreenApiInstance instance = GreenApiCredentials.instance(integration.credentials());
        String state = client.getStateInstance(instance);
        if (!InstanceStates.operational(state)) {
            throw GreenApiException.notOperational(InstanceStates.whatToDo(state));
        }
        ChannelCredentials credentials = integration.credentials().value(GreenApiCredentials.WEBHOOK_TOKEN).isPresent()
                ? integration.credentials()
                : integration.credentials().with(GreenApiCredentials.WEBHOOK_TOKEN, RandomTokens.base64Url(256), true);
        client.setSettings(instance, RemoteSettings.desired(integration,
                credentials.required(GreenApiCredentials.WEBHOOK_TOKEN)));
        GreenApiSettings remote = client.getSettings(instance);
        Map<String, Object> settings = new LinkedHashMap<>(integration.settings());
        settings.put(MODE, integration.setting(MODE, WEBHOOK));
        settings.put("idInstance", instance.idInstance());
        settings.put("phone", ChatIds.phoneOf(remote.wid()));
        String detail = RemoteSettings.webhookMode(integration) ? "webhook registered"
                : "polling: notifications are fetched with receiveNotification";
        return new ConnectResult(credentials, settings, detail);
    }

    @Override
    public ReconcileReport reconcile(IntegrationHandle integration) throws ChannelException {
        GreenApiInstance instance = GreenApiCredentials.instance(integration.credentials());
        String state = client.getStateInstance(instance);
        GreenApiSettings remote = client.getSettings(instance);
        Map<String, Object> details = stateDetails(state, remote);
        String token = integration.credentials().value(GreenApiCredentials.WEBHOOK_TOKEN).orElse("");
        String drift = RemoteSettings.drift(integration, token, remote);
        if (!drift.isEmpty()) {
            client.setSettings(instance, RemoteSettings.desired(integration, token));
            return new ReconcileReport(true, drift + ": set again", details);
        }
        return new ReconcileReport(false, InstanceStates.operational(state) ? "in order"
                : InstanceStates.whatToDo(state), details);
    }

    @Override
    public void disconnect(IntegrationHandle integration) throws ChannelException {
        Map<String, Object> off = new LinkedHashMap<>();
        off.put("webhookUrl", "");
        off.put("webhookUrlToken", "");
        off.put("incomingWebhook", "no");
        off.put("outgoingWebhook", "no");
        off.put("stateWebhook", "no");
        client.setSettings(GreenApiCredentials.instance(integration.credentials()), off);
    }

    @Override
    public HealthReport check(IntegrationHandle integration) throws ChannelException {
        GreenApiInstance instance = GreenApiCredentials.instance(integration.credentials());
        String state = client.getStateInstance(instance);
        GreenApiSettings remote = client.getSettings(instance);
        Map<String, Object> details = stateDetails(state, remote);
        String token = integration.credentials().value(GreenApiCredentials.WEBHOOK_TOKEN).orElse("");
        details.put(MODE, integration.setting(MODE, WEBHOOK));
        details.put("webhookRegistered", RemoteSettings.webhookMode(integration)
                && RemoteSettings.drift(integration, token, remote).isEmpty());
        details.put("settingsInOrder", RemoteSettings.drift(integration, token, remote).isEmpty());
        if (!InstanceStates.operational(state)) {
            return new HealthReport(false, InstanceStates.whatToDo(state), details);
        }
        return new HealthReport(true, "instance " + instance.idInstance() + " is authorized"
                + (details.get("phone") == null ? "" : " as " + details.get("phone")), details);
    }

    /** The remote state as the integration view shows it ({@code operational} drives its flag). */
    private static Map<String, Object> stateDetails(String state, GreenApiSettings remote) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", state);
        details.put("operational", InstanceStates.operational(state));
        details.put("phone", ChatIds.phoneOf(remote.wid()));
        if (!InstanceStates.operational(state)) {
            details.put("whatToDo", InstanceStates.whatToDo(state));
        }
        return details;
    }

    @Override
    public void authenticate(IntegrationHandle integration, WebhookRequest request) {
        if (hasSubPath(request)) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.NOT_FOUND, "no such webhook");
        }
        ChannelCredentials credentials = integration.credentials();
        Secret token = credentials.value(GreenApiCredentials.WEBHOOK_TOKEN).filter(t -> !t.isEmpty())
                .map(Secret::of).orElse(null);
        long idInstance = credentials.value(GreenApiCredentials.ID_INSTANCE).filter(id -> id.matches("\\d{1,18}"))
                .map(Long::parseLong).orElse(-1L);
        webhook.authenticate(token, idInstance, request);
    }

    private static boolean hasSubPath(WebhookRequest request) {
        String path = request.publicUrl().getPath();
        int at = path.lastIndexOf("/webhooks/");
        return at < 0 || path.substring(at + "/webhooks/".length()).split("/").length != 2;
    }

    @Override
    public List<InboundEvent> parse(IntegrationHandle integration, WebhookRequest request) {
        return webhook.parse(request);
    }

    @Override
    public SendReceipt send(IntegrationHandle integration, OutboundMessage message) throws ChannelException {
        return new SendReceipt(sender.send(GreenApiCredentials.instance(integration.credentials()), message));
    }

    @Override
    public Optional<PollingReceiver> polling() {
        return Optional.of(polling);
    }
}
