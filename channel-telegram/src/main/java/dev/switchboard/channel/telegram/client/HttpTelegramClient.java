package dev.switchboard.channel.telegram.client;

import dev.switchboard.channel.telegram.TelegramException;
import dev.switchboard.channel.telegram.TelegramProperties;
import dev.switchboard.channel.telegram.model.InlineKeyboard;
import dev.switchboard.channel.telegram.model.TgMessage;
import dev.switchboard.channel.telegram.model.TgUpdate;
import dev.switchboard.channel.telegram.model.TgUser;
import dev.switchboard.channel.telegram.model.TgWebhookInfo;
import dev.switchboard.core.channel.ChannelException;
import dev.switchboard.core.metrics.ProviderCalls;
import dev.switchboard.core.vault.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Bot API over the JDK's HTTP client: JSON bodies, pooled keep-alive connections, timeouts on
 * every call. The token is part of every URL, so no URL is ever logged or put in an exception.
 */
public class HttpTelegramClient implements TelegramClient {

    private static final Logger log = LoggerFactory.getLogger(HttpTelegramClient.class);

    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(
                    com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL))
            .build();

    private static final String TYPE = "telegram";
    private static final java.util.Set<String> SETUP_METHODS =
            java.util.Set.of("getMe", "setWebhook", "deleteWebhook", "getWebhookInfo");
    private static final Duration MAX_SETUP_WAIT = Duration.ofSeconds(5);

    private final TelegramProperties properties;
    private final HttpClient http;
    private final ProviderCalls calls;

    public HttpTelegramClient(TelegramProperties properties, ProviderCalls calls) {
        this.properties = properties;
        this.calls = calls;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .build();
    }

    @Override
    public TgUser getMe(Secret token) throws ChannelException {
        return call(token, "getMe", Map.of(), TgUser.class);
    }

    @Override
    public void setWebhook(Secret token, String url, String secretToken, List<String> allowedUpdates)
            throws ChannelException {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("url", url);
        params.put("secret_token", secretToken);
        params.put("allowed_updates", allowedUpdates);
        call(token, "setWebhook", params, Boolean.class);
    }

    @Override
    public void deleteWebhook(Secret token, boolean dropPendingUpdates) throws ChannelException {
        call(token, "deleteWebhook", Map.of("drop_pending_updates", dropPendingUpdates), Boolean.class);
    }

    @Override
    public TgWebhookInfo getWebhookInfo(Secret token) throws ChannelException {
        return call(token, "getWebhookInfo", Map.of(), TgWebhookInfo.class);
    }

    @Override
    public List<TgUpdate> getUpdates(Secret token, Long offset, Duration timeout, List<String> allowedUpdates)
            throws ChannelException {
        Map<String, Object> params = new LinkedHashMap<>();
        if (offset != null) {
            params.put("offset", offset);
        }
        params.put("timeout", timeout.toSeconds());
        params.put("allowed_updates", allowedUpdates);
        JavaType type = JSON.getTypeFactory().constructCollectionType(List.class, TgUpdate.class);
        return call(token, "getUpdates", params, type, properties.requestTimeout().plus(timeout));
    }

    @Override
    public TgMessage sendMessage(Secret token, String chatId, String text, InlineKeyboard keyboard)
            throws ChannelException {
        Map<String, Object> params = chat(chatId);
        params.put("text", text);
        params.put("reply_markup", keyboard);
        return call(token, "sendMessage", params, TgMessage.class);
    }

    @Override
    public TgMessage sendPhoto(Secret token, String chatId, String photoUrl, String caption, InlineKeyboard keyboard)
            throws ChannelException {
        Map<String, Object> params = chat(chatId);
        params.put("photo", photoUrl);
        params.put("caption", caption);
        params.put("reply_markup", keyboard);
        return call(token, "sendPhoto", params, TgMessage.class);
    }

    @Override
    public TgMessage sendDocument(Secret token, String chatId, String documentUrl, String caption,
                                  InlineKeyboard keyboard) throws ChannelException {
        Map<String, Object> params = chat(chatId);
        params.put("document", documentUrl);
        params.put("caption", caption);
        params.put("reply_markup", keyboard);
        return call(token, "sendDocument", params, TgMessage.class);
    }

    @Override
    public TgMessage sendLocation(Secret token, String chatId, double latitude, double longitude)
            throws ChannelException {
        Map<String, Object> params = chat(chatId);
        params.put("latitude", latitude);
        params.put("longitude", longitude);
        return call(token, "sendLocation", params, TgMessage.class);
    }

    @Override
    public TgMessage sendContact(Secret token, String chatId, String phoneNumber, String firstName)
            throws ChannelException {
        Map<String, Object> params = chat(chatId);
        params.put("phone_number", phoneNumber);
        params.put("first_name", firstName);
        return call(token, "sendContact", params, TgMessage.class);
    }

    @Override
    public void answerCallbackQuery(Secret token, String callbackQueryId, String text) throws ChannelException {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("callback_query_id", callbackQueryId);
        params.put("text", text);
        call(token, "answerCallbackQuery", params, Boolean.class);
    }

    /** Numeric chat ids go as numbers, {@code @channel} names as strings. */
    private static Map<String, Object> chat(String chatId) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("chat_id", chatId.matches("-?\\d+") ? (Object) Long.parseLong(chatId) : chatId);
        return params;
    }

    private <T> T call(Secret token, String method, Map<String, Object> params, Class<T> type) throws ChannelException {
        return call(token, method, params, JSON.constructType(type), properties.requestTimeout());
    }

    /**
     * Setting up a bot (getMe, setWebhook, ...) happens while a user waits for an answer: a short
     * flood-control pause ({@code setWebhook} is limited to about once a second per bot) is
     * waited out here. Sends are never retried inline; the delivery queue does that.
     */
    private <T> T call(Secret token, String method, Map<String, Object> params, JavaType type, Duration timeout)
            throws ChannelException {
        for (int attempt = 1; ; attempt++) {
            try {
                return callOnce(token, method, params, type, timeout);
            } catch (TelegramException e) {
                Duration wait = e.retryAfter().orElse(null);
                if (!SETUP_METHODS.contains(method) || e.status() != 429 || wait == null
                        || wait.compareTo(MAX_SETUP_WAIT) > 0 || attempt >= 3) {
                    throw e;
                }
                pause(wait);
            }
        }
    }

    private static void pause(Duration wait) throws ChannelException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ChannelException.unreachable("interrupted while waiting out Telegram's flood control");
        }
    }

    private <T> T callOnce(Secret token, String method, Map<String, Object> params, JavaType type, Duration timeout)
            throws ChannelException {
        long started = System.nanoTime();
        try {
            T result = exchange(token, method, params, type, timeout);
            calls.record(TYPE, method, ProviderCalls.SUCCESS, Duration.ofNanos(System.nanoTime() - started));
            return result;
        } catch (ChannelException e) {
            calls.record(TYPE, method, ProviderCalls.outcomeOf(e), Duration.ofNanos(System.nanoTime() - started));
            throw e;
        }
    }

    private <T> T exchange(Secret token, String method, Map<String, Object> params, JavaType type, Duration timeout)
            throws ChannelException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.apiUrl() + "/bot" + token.reveal() + "/" + method))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(params)))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw ChannelException.unreachable("Telegram did not answer " + method + " within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw ChannelException.unreachable("Telegram is unreachable (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ChannelException.unreachable("interrupted while calling Telegram " + method);
        }
        return read(method, response, type);
    }

    private <T> T read(String method, HttpResponse<byte[]> response, JavaType type) throws ChannelException {
        JsonNode envelope;
        try {
            envelope = JSON.readTree(response.body());
        } catch (JacksonException e) {
            envelope = null;
        }
        if (envelope == null || !envelope.has("ok")) {
            log.warn("telegram method={} status={} answered without a Bot API envelope", method, response.statusCode());
            throw new TelegramException(response.statusCode() >= 400 ? response.statusCode() : 502,
                    "Telegram answered " + response.statusCode() + " without a Bot API response", null);
        }
        if (!envelope.path("ok").asBoolean(false)) {
            int code = envelope.path("error_code").asInt(response.statusCode());
            JsonNode retryAfter = envelope.path("parameters").path("retry_after");
            log.info("telegram method={} error_code={}", method, code);
            throw new TelegramException(code, envelope.path("description").asString(null),
                    retryAfter.isNumber() ? retryAfter.asInt() : null);
        }
        return JSON.convertValue(envelope.get("result"), type);
    }
}
