package dev.switchboard.sandbox.twilio;

import dev.switchboard.sandbox.http.SandboxThreads;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Sends Twilio's signed form POSTs (status callbacks, inbound messages) with the configured
 * connection overrides: the fragment is stripped, the signature covers the URL without it, and
 * failed attempts are retried as {@code rc}/{@code rp} ask. Blocking: call it on {@link #io()}.
 */
final class FormPoster implements AutoCloseable {

    /** One attempt's outcome. */
    record Attempt(String url, int number, String signature, int status, String body, String error,
            Integer errorCode, boolean connectFailure, boolean readTimeout) {

        boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    private final ExecutorService io = Executors.newCachedThreadPool(SandboxThreads.daemonThreads("twilio-webhook"));
    private final Map<Duration, HttpClient> clients = new ConcurrentHashMap<>();

    ExecutorService io() {
        return io;
    }

    /**
     * Posts {@code params} to {@code configuredUrl} until an attempt succeeds or the retry policy
     * gives up; {@code signer} maps the request URL to the signature. Returns every attempt.
     */
    List<Attempt> post(String configuredUrl, Map<String, String> params, Function<String, String> signer,
            Duration defaultTimeout, String idempotencyToken) {
        ConnectionOverrides overrides = ConnectionOverrides.parse(configuredUrl);
        String signature = signer.apply(overrides.url());
        List<Attempt> attempts = new java.util.ArrayList<>();
        for (int number = 1; number <= 1 + overrides.retryCount(); number++) {
            Attempt attempt = once(overrides, number, params, signature, defaultTimeout, idempotencyToken);
            attempts.add(attempt);
            if (attempt.succeeded()
                    || !overrides.retries(attempt.status(), attempt.connectFailure(), attempt.readTimeout())) {
                break;
            }
        }
        return attempts;
    }

    static String idempotencyToken(Random random) {
        return Sids.of("", random) + "-" + Math.abs(random.nextLong());
    }

    private Attempt once(ConnectionOverrides overrides, int number, Map<String, String> params, String signature,
            Duration defaultTimeout, String idempotencyToken) {
        String url = overrides.url();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(overrides.requestTimeout(defaultTimeout))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .header("X-Twilio-Signature", signature)
                    .header("User-Agent", "TwilioProxy/1.1")
                    .header("I-Twilio-Idempotency-Token", idempotencyToken)
                    .header("Accept", "*/*")
                    .POST(HttpRequest.BodyPublishers.ofString(TwilioForm.encode(params)))
                    .build();
            HttpResponse<String> response = client(overrides.connectTimeout()).send(request,
                    HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            boolean ok = status >= 200 && status < 300;
            return new Attempt(url, number, signature, status, response.body(), ok ? null : "HTTP " + status,
                    ok ? null : 11200, false, false);
        } catch (HttpConnectTimeoutException | ConnectException e) {
            return new Attempt(url, number, signature, 0, null, "connection failed: " + e.getClass().getSimpleName(),
                    11205, true, false);
        } catch (HttpTimeoutException e) {
            return new Attempt(url, number, signature, 0, null, "read timeout", 11200, false, true);
        } catch (IOException | IllegalArgumentException e) {
            return new Attempt(url, number, signature, 0, null, e.getClass().getSimpleName() + ": " + e.getMessage(),
                    11205, true, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(url, number, signature, 0, null, "interrupted", 11205, false, false);
        }
    }

    private HttpClient client(Duration connectTimeout) {
        return clients.computeIfAbsent(connectTimeout, timeout -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).executor(io).build());
    }

    @Override
    public void close() {
        io.shutdownNow();
    }
}
