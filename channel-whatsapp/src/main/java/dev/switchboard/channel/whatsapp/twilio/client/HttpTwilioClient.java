package dev.switchboard.channel.whatsapp.twilio.client;

import dev.switchboard.channel.whatsapp.twilio.TwilioException;
import dev.switchboard.channel.whatsapp.twilio.TwilioProperties;
import dev.switchboard.channel.whatsapp.twilio.model.NewMessage;
import dev.switchboard.channel.whatsapp.twilio.model.TwilioAccount;
import dev.switchboard.channel.whatsapp.twilio.model.TwilioMessage;
import dev.switchboard.core.channel.ChannelException;
import dev.switchboard.core.metrics.ProviderCalls;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Twilio's REST API over the JDK's HTTP client, against the configured base URL (not the SDK, which
 * builds {@code https://api.twilio.com} itself and re-POSTs a create after any 5xx). HTTP Basic,
 * form bodies, timeouts on every call, each call reported to {@link ProviderCalls}. The Authorization
 * header is the only place the Auth Token goes.
 */
public class HttpTwilioClient implements TwilioClient {

    private static final Logger log = LoggerFactory.getLogger(HttpTwilioClient.class);
    private static final String TYPE = "twilio";
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final TwilioProperties properties;
    private final HttpClient http;
    private final ProviderCalls calls;

    public HttpTwilioClient(TwilioProperties properties, ProviderCalls calls) {
        this.properties = properties;
        this.calls = calls;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public TwilioAccount fetchAccount(TwilioAuth auth) throws ChannelException {
        HttpRequest request = request(auth, "/2010-04-01/Accounts/" + auth.accountSid() + ".json").GET().build();
        return JSON.convertValue(call("fetchAccount", request, auth), TwilioAccount.class);
    }

    @Override
    public TwilioMessage createMessage(TwilioAuth auth, NewMessage message) throws ChannelException {
        String form = message.form().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = request(auth, "/2010-04-01/Accounts/" + auth.accountSid() + "/Messages.json")
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        TwilioMessage created = JSON.convertValue(call("createMessage", request, auth), TwilioMessage.class);
        if (created.sid() == null || created.sid().isBlank()) {
            throw new TwilioException(502, null, "the answer had no message sid");
        }
        return created;
    }

    private HttpRequest.Builder request(TwilioAuth auth, String path) {
        String basic = Base64.getEncoder().encodeToString((auth.accountSid() + ":" + auth.authToken().reveal())
                .getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(stripSlash(properties.apiUrl().toString()) + path))
                .timeout(properties.requestTimeout())
                .header("Authorization", "Basic " + basic)
                .header("Accept", "application/json");
    }

    private JsonNode call(String method, HttpRequest request, TwilioAuth auth) throws ChannelException {
        long started = System.nanoTime();
        try {
            JsonNode result = exchange(method, request, auth);
            calls.record(TYPE, method, ProviderCalls.SUCCESS, Duration.ofNanos(System.nanoTime() - started));
            return result;
        } catch (ChannelException e) {
            calls.record(TYPE, method, ProviderCalls.outcomeOf(e), Duration.ofNanos(System.nanoTime() - started));
            throw e;
        }
    }

    private JsonNode exchange(String method, HttpRequest request, TwilioAuth auth) throws ChannelException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw ChannelException.unreachable("Twilio did not answer within " + properties.requestTimeout().toSeconds()
                    + " s");
        } catch (IOException e) {
            throw ChannelException.unreachable("Twilio is unreachable (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ChannelException.unreachable("interrupted while calling Twilio");
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (JacksonException e) {
            body = null;
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300 && body != null && body.isObject()) {
            return body;
        }
        Integer code = body != null && body.path("code").canConvertToInt() ? body.path("code").asInt() : null;
        String message = body == null ? null : body.path("message").asString(null);
        log.info("twilio account={} method={} status={} code={}", auth.accountSid(), method, status, code);
        throw new TwilioException(status >= 200 && status < 300 ? 502 : status, code,
                message == null ? null : message.replace(auth.authToken().reveal(), "…"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
