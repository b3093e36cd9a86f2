package dev.switchboard.sandbox.telegram;

import dev.switchboard.sandbox.http.Json;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** setWebhook, deleteWebhook and getWebhookInfo, with the Bot API server's checks and answers. */
final class WebhookMethods {

    private static final Set<Integer> ALLOWED_PORTS = Set.of(443, 80, 88, 8443);
    private static final Pattern SECRET_TOKEN = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Duration WEBHOOK_CHANGE_INTERVAL = Duration.ofSeconds(1);

    private final TelegramState state;
    private final EmulatorSettings settings;
    private final Runnable wakeDelivery;

    WebhookMethods(TelegramState state, EmulatorSettings settings, Runnable wakeDelivery) {
        this.state = state;
        this.settings = settings;
        this.wakeDelivery = wakeDelivery;
    }

    void register(MethodTable methods) {
        methods.add("setWebhook", this::setWebhook)
                .add("deleteWebhook", call -> remove(call.account(), call.params().flag("drop_pending_updates")))
                .add("getWebhookInfo", call -> ApiResult.of(info(call.account())));
    }

    private ApiResult setWebhook(CallContext call) {
        TelegramParams params = call.params();
        BotAccount bot = call.account();
        String url = params.string("url").orElse("");
        if (url.isEmpty()) {
            return remove(bot, params.flag("drop_pending_updates"));
        }
        throttleChanges(bot);
        WebhookConfig config = new WebhookConfig(url, secretToken(params),
                params.intValue("max_connections", WebhookConfig.DEFAULT_MAX_CONNECTIONS, 1, 100),
                params.string("ip_address").orElse(null), params.file("certificate").isPresent());
        boolean dropPending = params.flag("drop_pending_updates");
        AllowedUpdates.apply(bot, params.lenientJson("allowed_updates"));
        if (config.equals(bot.webhook) && !config.customCertificate() && !dropPending) {
            return ApiResult.ok("Webhook is already set");
        }
        validateUrl(url);
        if (dropPending) {
            bot.updates.clear();
        }
        bot.webhook = config;
        clearLastError(bot);
        state.signalChange();
        wakeDelivery.run();
        return ApiResult.ok("Webhook was set");
    }

    /** Setting a URL is flood-limited to once a second per bot (429, retry after 1). */
    private void throttleChanges(BotAccount bot) {
        Instant now = state.clock.now();
        if (bot.nextWebhookChangeAt != null && now.isBefore(bot.nextWebhookChangeAt)) {
            throw ApiException.tooManyRequests(1);
        }
        bot.nextWebhookChangeAt = now.plus(WEBHOOK_CHANGE_INTERVAL);
    }

    ApiResult remove(BotAccount bot, boolean dropPendingUpdates) {
        boolean wasSet = bot.webhook != null;
        bot.webhook = null;
        if (dropPendingUpdates) {
            bot.updates.clear();
        }
        if (wasSet) {
            clearLastError(bot);
        }
        state.signalChange();
        return ApiResult.ok(wasSet ? "Webhook was deleted" : "Webhook is already deleted");
    }

    private static void clearLastError(BotAccount bot) {
        bot.lastErrorDate = null;
        bot.lastErrorMessage = null;
    }

    /**
     * A URL without a scheme is taken as https, as the Bot API does. Telegram only calls HTTPS
     * on four ports; the test switch admits plain HTTP on any port.
     */
    private void validateUrl(String url) {
        URI uri;
        try {
            uri = new URI(url.contains("://") ? url : "https://" + url);
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("invalid webhook URL specified");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw ApiException.badRequest("invalid webhook URL specified");
        }
        if (settings.insecureWebhooks) {
            return;
        }
        if (!scheme.equals("https")) {
            throw ApiException.badRequest("bad webhook: An HTTPS URL must be provided for webhook");
        }
        int port = uri.getPort() == -1 ? 443 : uri.getPort();
        if (!ALLOWED_PORTS.contains(port)) {
            throw ApiException.badRequest("bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443");
        }
    }

    /** 1–256 characters of A-Z, a-z, 0-9, _ and -; an empty value means no secret. */
    private static String secretToken(TelegramParams params) {
        String secret = params.string("secret_token").orElse(null);
        if (secret == null) {
            return null;
        }
        if (secret.length() > 256) {
            throw ApiException.badRequest("secret token is too long");
        }
        if (!SECRET_TOKEN.matcher(secret).matches()) {
            throw ApiException.badRequest("secret token contains unallowed characters");
        }
        return secret;
    }

    /** Fields in the Bot API's order; optional ones only when they have a value. */
    ObjectNode info(BotAccount bot) {
        bot.updates.expire(state.clock.now());
        WebhookConfig webhook = bot.webhook;
        ObjectNode info = Json.object();
        info.put("url", webhook == null ? "" : webhook.url());
        info.put("has_custom_certificate", webhook != null && webhook.customCertificate());
        info.put("pending_update_count", bot.updates.size());
        if (webhook != null && webhook.ipAddress() != null) {
            info.put("ip_address", webhook.ipAddress());
        }
        if (bot.lastErrorDate != null) {
            info.put("last_error_date", bot.lastErrorDate.getEpochSecond());
            info.put("last_error_message", bot.lastErrorMessage);
        }
        if (webhook != null) {
            info.put("max_connections", webhook.maxConnections());
        }
        if (bot.allowedUpdates != null) {
            ArrayNode allowed = info.putArray("allowed_updates");
            bot.allowedUpdates.forEach(allowed::add);
        }
        return info;
    }
}
