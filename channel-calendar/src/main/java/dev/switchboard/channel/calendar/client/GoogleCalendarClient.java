package dev.switchboard.channel.calendar.client;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.services.calendar.Calendar;
import dev.switchboard.channel.calendar.GoogleCalendarProperties;
import dev.switchboard.channel.calendar.GoogleException;
import dev.switchboard.channel.calendar.oauth.AccessTokens;
import dev.switchboard.core.channel.ChannelException;
import dev.switchboard.core.metrics.ProviderCalls;
import dev.switchboard.core.vault.Secret;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.UUID;

/**
 * Google's own Calendar client, rooted at {@code switchboard.google.calendar-url}, with the
 * integration's access token: a 401 renews the token and repeats the call once; every call is
 * reported to the metrics and its failure classified. Tokens never reach a message.
 */
public class GoogleCalendarClient {

    /** One Calendar API call, given a client carrying a valid token. */
    @FunctionalInterface
    public interface Call<T> {
        T run(Calendar calendar) throws IOException;
    }

    private static final String TYPE = "google_calendar";

    private final GoogleCalendarProperties properties;
    private final HttpTransport transport;
    private final JsonFactory json;
    private final AccessTokens tokens;
    private final ProviderCalls metrics;

    public GoogleCalendarClient(GoogleCalendarProperties properties, HttpTransport transport, JsonFactory json,
                                AccessTokens tokens, ProviderCalls metrics) {
        this.properties = properties;
        this.transport = transport;
        this.json = json;
        this.tokens = tokens;
        this.metrics = metrics;
    }

    public <T> T call(UUID integrationId, Secret refreshToken, String method, Call<T> call) throws ChannelException {
        long started = System.nanoTime();
        try {
            T result;
            try {
                result = call.run(calendar(tokens.current(integrationId, refreshToken)));
            } catch (GoogleJsonResponseException e) {
                if (e.getStatusCode() != 401) {
                    throw e;
                }
                result = call.run(calendar(tokens.renew(integrationId, refreshToken)));
            }
            metrics.record(TYPE, method, ProviderCalls.SUCCESS, Duration.ofNanos(System.nanoTime() - started));
            return result;
        } catch (GoogleJsonResponseException e) {
            GoogleJsonError details = e.getDetails();
            String reason = details == null || details.getErrors() == null || details.getErrors().isEmpty() ? null
                    : details.getErrors().get(0).getReason();
            ChannelException failure = GoogleException.of(e.getStatusCode(), reason,
                    details == null ? null : details.getMessage());
            metrics.record(TYPE, method, ProviderCalls.outcomeOf(failure), Duration.ofNanos(System.nanoTime() - started));
            throw failure;
        } catch (ChannelException e) {
            metrics.record(TYPE, method, ProviderCalls.outcomeOf(e), Duration.ofNanos(System.nanoTime() - started));
            throw e;
        } catch (IOException e) {
            metrics.record(TYPE, method, "unreachable", Duration.ofNanos(System.nanoTime() - started));
            throw ChannelException.unreachable(e instanceof SocketTimeoutException
                    ? "Google Calendar did not answer in time" : "Google Calendar is unreachable (" + e.getClass().getSimpleName() + ")");
        }
    }

    private Calendar calendar(Secret accessToken) {
        int timeout = (int) properties.timeout().toMillis();
        HttpRequestInitializer initializer = request -> {
            request.getHeaders().setAuthorization("Bearer " + accessToken.reveal());
            request.setConnectTimeout(Math.min(timeout, 5000));
            request.setReadTimeout(timeout);
            request.setNumberOfRetries(0);
        };
        return new Calendar.Builder(transport, json, initializer)
                .setRootUrl(properties.calendarUrl().toString())
                .setServicePath("calendar/v3/")
                .setApplicationName("switchboard")
                .build();
    }
}
