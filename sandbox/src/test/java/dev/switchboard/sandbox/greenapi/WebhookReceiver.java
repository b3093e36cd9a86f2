package dev.switchboard.sandbox.greenapi;

import dev.switchboard.sandbox.http.Json;
import dev.switchboard.sandbox.http.SandboxHttpServer;
import dev.switchboard.sandbox.http.SandboxRequest;
import dev.switchboard.sandbox.http.SandboxResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** A webhook endpoint that records what Green API POSTs to it and answers as told. */
final class WebhookReceiver implements AutoCloseable {

    record Push(String authorization, String contentType, JsonNode body) {

        String typeWebhook() {
            return body.path("typeWebhook").asString();
        }

        String idMessage() {
            return body.path("idMessage").asString(null);
        }
    }

    private final SandboxHttpServer server = SandboxHttpServer.start(0);
    private final List<Push> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile Function<Push, SandboxResponse> behaviour = push -> SandboxResponse.text(200, "text/plain", "");

    WebhookReceiver() {
        server.route("/hook", this::receive);
    }

    String url() {
        return server.baseUrl() + "/hook";
    }

    void answer(Function<Push, SandboxResponse> behaviour) {
        this.behaviour = behaviour;
    }

    void answerStatus(int status) {
        answer(push -> SandboxResponse.text(status, "text/plain", ""));
    }

    List<Push> received() {
        return List.copyOf(received);
    }

    List<String> types() {
        return received.stream().map(Push::typeWebhook).toList();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    private SandboxResponse receive(SandboxRequest request) {
        Push push = new Push(request.header("Authorization").orElse(null), request.header("Content-Type").orElse(null),
                Json.parse(request.body()));
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            received.add(push);
            return behaviour.apply(push);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
