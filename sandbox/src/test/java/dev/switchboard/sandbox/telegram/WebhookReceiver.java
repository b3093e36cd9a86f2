package dev.switchboard.sandbox.telegram;

import dev.switchboard.sandbox.http.Json;
import dev.switchboard.sandbox.http.SandboxHttpServer;
import dev.switchboard.sandbox.http.SandboxRequest;
import dev.switchboard.sandbox.http.SandboxResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** A small webhook endpoint on the JDK HttpServer that records what Telegram POSTs to it. */
final class WebhookReceiver implements AutoCloseable {

    /** One received delivery. */
    record Delivery(String secretHeader, String contentType, String rawBody, JsonNode update) {

        long updateId() {
            return update.path("update_id").asLong();
        }
    }

    private final SandboxHttpServer server = SandboxHttpServer.start(0);
    private final List<Delivery> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile Function<Delivery, SandboxResponse> behaviour = delivery -> SandboxResponse.text(200, "text/plain", "");

    WebhookReceiver() {
        server.route("/hook", this::receive);
    }

    String url() {
        return server.baseUrl() + "/hook";
    }

    /** What to answer; may block to simulate a slow endpoint. */
    void answer(Function<Delivery, SandboxResponse> behaviour) {
        this.behaviour = behaviour;
    }

    void answerStatus(int status) {
        answer(delivery -> SandboxResponse.text(status, "text/plain", ""));
    }

    List<Delivery> received() {
        return List.copyOf(received);
    }

    List<Long> receivedIds() {
        return received.stream().map(Delivery::updateId).toList();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    private SandboxResponse receive(SandboxRequest request) {
        Delivery delivery = new Delivery(request.header("X-Telegram-Bot-Api-Secret-Token").orElse(null),
                request.header("Content-Type").orElse(null), request.bodyText(), Json.parse(request.body()));
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            received.add(delivery);
            return behaviour.apply(delivery);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
