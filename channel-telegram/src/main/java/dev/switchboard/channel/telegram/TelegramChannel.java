package dev.switchboard.channel.telegram;

import dev.switchboard.channel.telegram.client.TelegramClient;
import dev.switchboard.channel.telegram.model.InlineKeyboard;
import dev.switchboard.channel.telegram.model.TgMessage;
import dev.switchboard.channel.telegram.model.TgUser;
import dev.switchboard.channel.telegram.model.TgWebhookInfo;
import dev.switchboard.channel.telegram.webhook.TelegramWebhook;
import dev.switchboard.core.channel.ChannelCapabilities;
import dev.switchboard.core.channel.ChannelCredentials;
import dev.switchboard.core.channel.ChannelException;
import dev.switchboard.core.channel.ChannelProvider;
import dev.switchboard.core.channel.ConnectResult;
import dev.switchboard.core.channel.ConnectTarget;
import dev.switchboard.core.channel.HealthReport;
import dev.switchboard.core.channel.InboundEvent;
import dev.switchboard.core.channel.InboundMessage;
import dev.switchboard.core.channel.IntegrationHandle;
import dev.switchboard.core.channel.InvalidInputException;
import dev.switchboard.core.channel.OutboundMessage;
import dev.switchboard.core.channel.PollingReceiver;
import dev.switchboard.core.channel.ReconcileReport;
import dev.switchboard.core.channel.SendReceipt;
import dev.switchboard.core.channel.WebhookRequest;
import dev.switchboard.core.support.RandomTokens;
import dev.switchboard.core.vault.Secret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A tenant's own Telegram bot. Connect verifies the token with {@code getMe}; webhook mode
 * registers our URL with a per-integration secret, polling mode removes any webhook and lets the
 * {@link TelegramPolling} receiver call {@code getUpdates}.
 */
public class TelegramChannel implements ChannelProvider {

    public static final String TYPE = "telegram";
    static final String TOKEN_FIELD = "botToken";
    static final String MODE = "mode";
    static final String WEBHOOK = "webhook";
    static final String POLLING = "polling";
    static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query");

    /** Lenient on purpose (there is no official format); getMe is the real check. */
    private static final Pattern TOKEN = Pattern.compile("^\\d+:[A-Za-z0-9_-]{30,}$");
    private static final Pattern CHAT_ID = Pattern.compile("^-?\\d{1,20}$");
    private static final Pattern CHANNEL_NAME = Pattern.compile("^@[A-Za-z][A-Za-z0-9_]{3,31}$");

    private static final ChannelCapabilities CAPABILITIES =
            new ChannelCapabilities(true, true, true, true, 4096, 30, 1, 20);

    private final TelegramClient client;
    private final TelegramWebhook webhook;
    private final TelegramPolling polling;

    public TelegramChannel(TelegramClient client, TelegramWebhook webhook) {
        this.client = client;
        this.webhook = webhook;
        this.polling = new TelegramPolling(client);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public ChannelCredentials validateCredentials(Map<String, Object> raw) {
        Object token = raw == null ? null : raw.get(TOKEN_FIELD);
        if (!(token instanceof String text) || text.isBlank()) {
            throw InvalidInputException.of("credentials." + TOKEN_FIELD, "is required: the token @BotFather gave you");
        }
        if (!TOKEN.matcher(text.trim()).matches()) {
            throw InvalidInputException.of("credentials." + TOKEN_FIELD,
                    "is not a Telegram bot token (it looks like 123456789:AA…, from @BotFather)");
        }
        return ChannelCredentials.of(Map.of(TOKEN_FIELD, text.trim()), Set.of(TOKEN_FIELD));
    }

    @Override
    public Map<String, Object> validateSettings(Map<String, Object> raw, ConnectTarget target) {
        Object mode = raw == null ? null : raw.get(MODE);
        if (mode == null) {
            mode = target.publiclyReachableOverHttps() ? WEBHOOK : POLLING;
        }
        if (!WEBHOOK.equals(mode) && !POLLING.equals(mode)) {
            throw InvalidInputException.of("settings." + MODE, "must be webhook or polling");
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(MODE, mode);
        return settings;
    }

    @Override
    public String normalizeRecipient(String to) {
        String chat = to == null ? "" : to.trim();
        if (!CHAT_ID.matcher(chat).matches() && !CHANNEL_NAME.matcher(chat).matches()) {
            throw InvalidInputException.of("to", "must be a Telegram chat id (a number) or a @channel name");
        }
        return chat;
    }

    @Override
    public ConnectResult connect(IntegrationHandle integration) throws ChannelException {
        Secret token = integration.credentials().secret(TOKEN_FIELD);
        TgUser bot = client.getMe(token);
        ChannelCredentials credentials = integration.credentials().value(TelegramWebhook.SECRET_FIELD).isPresent()
                ? integration.credentials()
                : integration.credentials().with(TelegramWebhook.SECRET_FIELD, RandomTokens.base64Url(256), true);
        String mode = integration.setting(MODE, POLLING);
        String detail;
        if (WEBHOOK.equals(mode)) {
            client.setWebhook(token, integration.target().webhookUrl().toString(),
                    credentials.secret(TelegramWebhook.SECRET_FIELD).reveal(), ALLOWED_UPDATES);
            detail = "webhook registered";
        } else {
            client.deleteWebhook(token, false);
            detail = "polling: " + (integration.target().publiclyReachableOverHttps() ? "as configured"
                    : "the public URL is not HTTPS on 443/80/88/8443, which Telegram requires for webhooks");
        }
        Map<String, Object> settings = new LinkedHashMap<>(integration.settings());
        settings.put(MODE, mode);
        settings.put("botId", bot.id());
        settings.put("botUsername", bot.username());
        settings.put("botName", bot.firstName());
        return new ConnectResult(credentials, settings, detail);
    }

    @Override
    public ReconcileReport reconcile(IntegrationHandle integration) throws ChannelException {
        Secret token = integration.credentials().secret(TOKEN_FIELD);
        TgWebhookInfo info = client.getWebhookInfo(token);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("pendingUpdateCount", info.pendingUpdateCount());
        details.put("lastErrorMessage", info.lastErrorMessage());
        details.put("lastErrorDate", info.lastErrorDate());
        boolean webhookMode = WEBHOOK.equals(integration.setting(MODE, POLLING));
        String expected = integration.target().webhookUrl().toString();
        String actual = info.url() == null ? "" : info.url();
        if (webhookMode && (!expected.equals(actual) || rejectedByUs(info))) {
            client.setWebhook(token, expected, integration.credentials().secret(TelegramWebhook.SECRET_FIELD).reveal(),
                    ALLOWED_UPDATES);
            return new ReconcileReport(true, actual.isEmpty() ? "webhook was missing: registered again"
                    : "webhook had drifted: registered again", details);
        }
        if (!webhookMode && !actual.isEmpty()) {
            client.deleteWebhook(token, false);
            return new ReconcileReport(true, "a webhook was set on a polling bot: removed", details);
        }
        return new ReconcileReport(false, "in order", details);
    }

    /** Telegram got 401/403 from our webhook: the secret it holds is not ours any more. */
    private static boolean rejectedByUs(TgWebhookInfo info) {
        String error = info.lastErrorMessage();
        return error != null && (error.contains("401") || error.contains("403"));
    }

    @Override
    public void disconnect(IntegrationHandle integration) throws ChannelException {
        client.deleteWebhook(integration.credentials().secret(TOKEN_FIELD), false);
    }

    @Override
    public HealthReport check(IntegrationHandle integration) throws ChannelException {
        Secret token = integration.credentials().secret(TOKEN_FIELD);
        TgUser bot = client.getMe(token);
        TgWebhookInfo info = client.getWebhookInfo(token);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("botUsername", bot.username());
        details.put("mode", integration.setting(MODE, POLLING));
        details.put("webhookRegistered", info.url() != null && !info.url().isEmpty());
        details.put("pendingUpdateCount", info.pendingUpdateCount());
        details.put("lastErrorMessage", info.lastErrorMessage());
        return new HealthReport(true, "bot @" + bot.username() + " answers", details);
    }

    @Override
    public void authenticate(IntegrationHandle integration, WebhookRequest request) {
        webhook.authenticate(integration.credentials(), request);
    }

    @Override
    public List<InboundEvent> parse(IntegrationHandle integration, WebhookRequest request) {
        return webhook.parse(request);
    }

    @Override
    public SendReceipt send(IntegrationHandle integration, OutboundMessage message) throws ChannelException {
        Secret token = integration.credentials().secret(TOKEN_FIELD);
        InlineKeyboard keyboard = keyboard(message.buttons());
        TgMessage sent;
        if (message.media() != null) {
            String caption = message.media().caption() != null ? message.media().caption() : message.text();
            sent = isPhoto(message)
                    ? client.sendPhoto(token, message.to(), message.media().url(), caption, keyboard)
                    : client.sendDocument(token, message.to(), message.media().url(), caption, keyboard);
        } else if (message.location() != null) {
            sent = client.sendLocation(token, message.to(), message.location().latitude(), message.location().longitude());
        } else if (message.contact() != null) {
            sent = client.sendContact(token, message.to(), message.contact().phone(), message.contact().name());
        } else {
            sent = client.sendMessage(token, message.to(), message.text(), keyboard);
        }
        return new SendReceipt(Long.toString(sent.messageId()));
    }

    @Override
    public void acknowledge(IntegrationHandle integration, InboundMessage message) throws ChannelException {
        Object callbackId = message.payload().get("callbackQueryId");
        if (callbackId != null) {
            client.answerCallbackQuery(integration.credentials().secret(TOKEN_FIELD), callbackId.toString(), null);
        }
    }

    @Override
    public Optional<PollingReceiver> polling() {
        return Optional.of(polling);
    }

    private static boolean isPhoto(OutboundMessage message) {
        String path = message.media().url().toLowerCase(java.util.Locale.ROOT).replaceAll("[?#].*$", "");
        return path.endsWith(".jpg") || path.endsWith(".jpeg") || path.endsWith(".png") || path.endsWith(".webp");
    }

    /** One button per row: readable on a phone, and the order is the sender's. */
    static InlineKeyboard keyboard(List<OutboundMessage.Button> buttons) {
        if (buttons.isEmpty()) {
            return null;
        }
        return new InlineKeyboard(buttons.stream()
                .map(b -> List.of(b.url() != null ? new InlineKeyboard.Button(b.title(), null, b.url())
                        : new InlineKeyboard.Button(b.title(), b.id(), null)))
                .toList());
    }
}
