package dev.switchboard.channel.whatsapp.greenapi.client;

import dev.switchboard.channel.whatsapp.greenapi.GreenApiException;
import dev.switchboard.channel.whatsapp.greenapi.GreenApiProperties;
import dev.switchboard.channel.whatsapp.greenapi.model.GreenApiSettings;
import dev.switchboard.channel.whatsapp.greenapi.model.LinkButton;
import dev.switchboard.channel.whatsapp.greenapi.model.ReceivedNotification;
import dev.switchboard.channel.whatsapp.greenapi.model.ReplyButton;
import dev.switchboard.core.channel.ChannelException;
import dev.switchboard.core.metrics.ProviderCalls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Green API over the JDK's HTTP client: JSON bodies, keep-alive, timeouts on every call, each call
 * reported to {@link ProviderCalls}. The apiTokenInstance is part of every URL, so no URL is ever
 * logged or put in an exception; log lines name the instance and the method only.
 */
public class HttpGreenApiClient implements GreenApiClient {

    private static final Logger log = LoggerFactory.getLogger(HttpGreenApiClient.class);

    public static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(
                    com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL))
            .build();

    private static final String TYPE = "greenapi";
    /** Set-up calls are limited to 1 per second per instance; a user is waiting, so a 429 is waited out here. */
    private static final Set<String> SETUP_METHODS = Set.of("getStateInstance", "getSettings", "setSettings");
    private static final int SETUP_ATTEMPTS = 3;
    private static final int MAX_REASON = 300;

    private final GreenApiProperties properties;
    private final HttpClient http;
    private final ProviderCalls calls;

    public HttpGreenApiClient(GreenApiProperties properties, ProviderCalls calls) {
        this.properties = properties;
        this.calls = calls;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String getStateInstance(GreenApiInstance instance) throws ChannelException {
        JsonNode state = call(instance, Call.get("getStateInstance")).path("stateInstance");
        return state.isString() ? state.asString() : null;
    }

    @Override
    public GreenApiSettings getSettings(GreenApiInstance instance) throws ChannelException {
        return JSON.convertValue(call(instance, Call.get("getSettings")), GreenApiSettings.class);
    }

    @Override
    public void setSettings(GreenApiInstance instance, Map<String, Object> settings) throws ChannelException {
        JsonNode answer = call(instance, Call.post("setSettings", settings));
        if (!answer.path("saveSettings").asBoolean(false)) {
            throw new GreenApiException(502, "setSettings", "the settings were not saved");
        }
    }

    @Override
    public String sendMessage(GreenApiInstance instance, String chatId, String text) throws ChannelException {
        Map<String, Object> body = chat(chatId);
        body.put("message", text);
        return idMessage(instance, "sendMessage", body);
    }

    @Override
    public String sendFileByUrl(GreenApiInstance instance, String chatId, String url, String fileName, String caption)
            throws ChannelException {
        Map<String, Object> body = chat(chatId);
        body.put("urlFile", url);
        body.put("fileName", fileName);
        body.put("caption", caption);
        return idMessage(instance, "sendFileByUrl", body);
    }

    @Override
    public String sendLocation(GreenApiInstance instance, String chatId, double latitude, double longitude,
                               String name, String address) throws ChannelException {
        Map<String, Object> body = chat(chatId);
        body.put("latitude", latitude);
        body.put("longitude", longitude);
        body.put("nameLocation", name);
        body.put("address", address);
        return idMessage(instance, "sendLocation", body);
    }

    @Override
    public String sendContact(GreenApiInstance instance, String chatId, long phone, String firstName)
            throws ChannelException {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("phoneContact", phone);
        contact.put("firstName", firstName);
        Map<String, Object> body = chat(chatId);
        body.put("contact", contact);
        return idMessage(instance, "sendContact", body);
    }

    @Override
    public String sendInteractiveButtonsReply(GreenApiInstance instance, String chatId, String text,
                                              List<ReplyButton> buttons) throws ChannelException {
        Map<String, Object> body = chat(chatId);
        body.put("body", text);
        body.put("buttons", buttons);
        return idMessage(instance, "sendInteractiveButtonsReply", body);
    }

    @Override
    public String sendInteractiveButtons(GreenApiInstance instance, String chatId, String text, List<LinkButton> buttons)
            throws ChannelException {
        Map<String, Object> body = chat(chatId);
        body.put("body", text);
        body.put("buttons", buttons);
        return idMessage(instance, "sendInteractiveButtons", body);
    }

    @Override
    public Optional<ReceivedNotification> receiveNotification(GreenApiInstance instance, Duration wait)
            throws ChannelException {
        // Green API accepts a receiveTimeout of 5 to 60 seconds
        long seconds = Math.max(5, Math.min(60, wait.toSeconds()));
        Call call = new Call("receiveNotification", "GET", null, null, "receiveTimeout=" + seconds,
                properties.requestTimeout().plusSeconds(seconds));
        JsonNode answer = call(instance, call);
        if (answer == null || answer.isNull() || !answer.path("receiptId").canConvertToLong()) {
            return Optional.empty();
        }
        return Optional.of(new ReceivedNotification(answer.path("receiptId").asLong(), answer.path("body")));
    }

    @Override
    public void deleteNotification(GreenApiInstance instance, long receiptId) throws ChannelException {
        call(instance, new Call("deleteNotification", "DELETE", null, Long.toString(receiptId), null,
                properties.requestTimeout()));
    }

    private static Map<String, Object> chat(String chatId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chatId", chatId);
        return body;
    }

    private String idMessage(GreenApiInstance instance, String method, Map<String, Object> body) throws ChannelException {
        JsonNode id = call(instance, Call.post(method, body)).path("idMessage");
        if (!id.isString() || id.asString().isBlank()) {
            throw new GreenApiException(502, method, "the answer had no idMessage");
        }
        return id.asString();
    }

    /** One method call: verb, JSON body, an extra path segment (deleteNotification's receipt) and a query. */
    private record Call(String method, String verb, Object body, String extra, String query, Duration timeout) {

        static Call get(String method) {
            return new Call(method, "GET", null, null, null, null);
        }

        static Call post(String method, Object body) {
            return new Call(method, "POST", body, null, null, null);
        }
    }

    private JsonNode call(GreenApiInstance instance, Call call) throws ChannelException {
        for (int attempt = 1; ; attempt++) {
            try {
                return callOnce(instance, call);
            } catch (GreenApiException e) {
                if (!SETUP_METHODS.contains(call.method()) || e.status() != 429 || attempt >= SETUP_ATTEMPTS) {
                    throw e;
                }
                pause(e.retryAfter().orElse(Duration.ofSeconds(1)));
            }
        }
    }

    private static void pause(Duration wait) throws ChannelException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ChannelException.unreachable("interrupted while waiting out Green API's rate limit");
        }
    }

    private JsonNode callOnce(GreenApiInstance instance, Call call) throws ChannelException {
        long started = System.nanoTime();
        try {
            JsonNode result = exchange(instance, call);
            calls.record(TYPE, call.method(), ProviderCalls.SUCCESS, Duration.ofNanos(System.nanoTime() - started));
            return result;
        } catch (ChannelException e) {
            calls.record(TYPE, call.method(), ProviderCalls.outcomeOf(e), Duration.ofNanos(System.nanoTime() - started));
            throw e;
        }
    }

    private JsonNode exchange(GreenApiInstance instance, Call call) throws ChannelException {
        Duration timeout = call.timeout() == null ? properties.requestTimeout() : call.timeout();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(instance, call)).timeout(timeout);
        if (call.body() != null) {
            request.header("Content-Type", "application/json")
                    .method(call.verb(), HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(call.body())));
        } else {
            request.method(call.verb(), HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw ChannelException.unreachable("Green API did not answer " + call.method() + " within "
                    + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw ChannelException.unreachable("Green API is unreachable (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ChannelException.unreachable("interrupted while calling Green API " + call.method());
        }
        return read(instance, call.method(), response);
    }

    private static URI uri(GreenApiInstance instance, Call call) {
        StringBuilder url = new StringBuilder(stripSlash(instance.apiUrl().toString()))
                .append("/waInstance").append(instance.idInstance())
                .append('/').append(call.method())
                .append('/').append(instance.token().reveal());
        if (call.extra() != null) {
            url.append('/').append(call.extra());
        }
        if (call.query() != null) {
            url.append('?').append(call.query());
        }
        return URI.create(url.toString());
    }

    private JsonNode read(GreenApiInstance instance, String method, HttpResponse<byte[]> response)
            throws ChannelException {
        int status = response.statusCode();
        if (status == 200) {
            try {
                return JSON.readTree(response.body());
            } catch (JacksonException e) {
                log.warn("greenapi instance={} method={} answered 200 without JSON", instance.idInstance(), method);
                throw new GreenApiException(502, method, "the answer was not JSON");
            }
        }
        log.info("greenapi instance={} method={} status={}", instance.idInstance(), method, status);
        throw new GreenApiException(status, method, scrub(instance, reason(status, response)));
    }

    /** Green API's own words, where they help a person: the validation text of a 400, the quota text of a 466. */
    private static String reason(int status, HttpResponse<byte[]> response) {
        String body = new String(response.body(), StandardCharsets.UTF_8).strip();
        if (status == 466) {
            try {
                return JSON.readTree(body).path("invokeStatus").path("description").asString(null);
            } catch (JacksonException e) {
                return null;
            }
        }
        boolean text = response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain");
        if (status != 400 || !text || body.isEmpty()) {
            return null;
        }
        return body.length() > MAX_REASON ? body.substring(0, MAX_REASON) + "…" : body;
    }

    /** Defence in depth: a provider text never carries our token onwards. */
    private static String scrub(GreenApiInstance instance, String reason) {
        return reason == null ? null : reason.replace(instance.token().reveal(), "…");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
