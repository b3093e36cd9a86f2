package dev.switchboard.sandbox.telegram;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLException;

/** One webhook POST as the Bot API sends it, and how its outcome reads in getWebhookInfo. */
final class WebhookExchange {

    private static final int MAX_RETRY_AFTER_SECONDS = 3600;

    private WebhookExchange() {
    }

    /** Byte for byte as the Bot API writes it, newline after update_id included. */
    static byte[] body(PendingUpdate update) {
        String type = update.type();
        String json = "{\"update_id\":" + update.id() + ",\n\"" + type + "\":" + update.json().get(type) + "}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    static HttpRequest request(String url, String secret, byte[] body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept-Encoding", "gzip, deflate")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return request.build();
    }

    /** The last_error_message for a non-2xx answer, or null for success. */
    static String failure(int status) {
        return status / 100 == 2 ? null : "Wrong response from the webhook: " + status + " " + ServerErrors.reason(status);
    }

    /** The last_error_message texts Telegram reports for transport failures. */
    static String failure(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpConnectTimeoutException) {
            return "Connection timed out";
        }
        if (cause instanceof HttpTimeoutException) {
            return "Read timeout expired";
        }
        if (cause instanceof ConnectException) {
            return "Connection refused";
        }
        if (cause instanceof SSLException) {
            return "SSL error {" + cause.getMessage() + "}";
        }
        if (cause instanceof IOException) {
            return "Webhook connection closed";
        }
        return "Invalid webhook URL";
    }

    /** A receiver may ask for a pause with Retry-After (seconds); the Bot API honours up to an hour. */
    static int retryAfterSeconds(HttpResponse<?> response) {
        long seconds = response.headers().firstValue("Retry-After").map(String::trim)
                .map(TelegramParams::leadingInteger).orElse(0L);
        return (int) Math.max(0, Math.min(MAX_RETRY_AFTER_SECONDS, seconds));
    }
}
