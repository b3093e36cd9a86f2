package dev.switchboard.sandbox.twilio;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Twilio's per-URL connection overrides, a fragment such as {@code #rc=2&rp=all&ct=3000&rt=5000}:
 * {@code ct} connect timeout, {@code rt} read timeout and {@code tt} total time (ms), {@code rc}
 * retry count (0-5, default 1) and {@code rp} retry policy ({@code ct} (default: connection
 * failures only), {@code rt}, {@code 4xx}, {@code 5xx}, {@code all}). The fragment is never sent
 * and is not part of the signed URL.
 */
record ConnectionOverrides(String url, Duration connectTimeout, Duration readTimeout, Duration totalTimeout,
        int retryCount, String retryPolicy) {

    static final Duration DEFAULT_CONNECT = Duration.ofSeconds(5);

    static ConnectionOverrides parse(String configuredUrl) {
        int hash = configuredUrl.indexOf('#');
        if (hash < 0) {
            return new ConnectionOverrides(configuredUrl, DEFAULT_CONNECT, null, null, 1, "ct");
        }
        Map<String, String> values = TwilioForm.decodeSingle(configuredUrl.substring(hash + 1));
        return new ConnectionOverrides(configuredUrl.substring(0, hash),
                millis(values.get("ct"), DEFAULT_CONNECT), millis(values.get("rt"), null),
                millis(values.get("tt"), null), Math.max(0, Math.min(5, integer(values.get("rc"), 1))),
                values.getOrDefault("rp", "ct").toLowerCase(Locale.ROOT));
    }

    /** The request timeout: rt and tt if given (the smaller), else the emulator's default. */
    Duration requestTimeout(Duration fallback) {
        Duration timeout = readTimeout != null ? readTimeout : fallback;
        return totalTimeout != null && totalTimeout.compareTo(timeout) < 0 ? totalTimeout : timeout;
    }

    /** Whether a failed attempt should be retried under the retry policy. */
    boolean retries(int status, boolean connectFailure, boolean readTimeout) {
        return switch (retryPolicy) {
            case "all" -> true;
            case "ct" -> connectFailure;
            case "rt" -> readTimeout;
            case "4xx" -> status >= 400 && status < 500;
            case "5xx" -> status >= 500;
            default -> false;
        };
    }

    private static Duration millis(String value, Duration fallback) {
        Integer parsed = value == null ? null : integer(value, -1);
        return parsed == null || parsed < 0 ? fallback : Duration.ofMillis(parsed);
    }

    private static int integer(String value, int fallback) {
        if (value == null || !value.matches("\\d{1,9}")) {
            return fallback;
        }
        return Integer.parseInt(value);
    }
}
