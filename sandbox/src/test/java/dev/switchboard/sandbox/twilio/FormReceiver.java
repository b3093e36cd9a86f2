package dev.switchboard.sandbox.twilio;

import dev.switchboard.sandbox.http.FormDecoder;
import dev.switchboard.sandbox.http.SandboxHttpServer;
import dev.switchboard.sandbox.http.SandboxRequest;
import dev.switchboard.sandbox.http.SandboxResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Webhook endpoints that record Twilio's form POSTs (with headers) and answer as told, per path. */
final class FormReceiver implements AutoCloseable {

    /** One received POST. */
    record Post(String path, String query, Map<String, String> params, String signature, String idempotencyToken,
            String contentType, String userAgent) {
    }

    private final SandboxHttpServer server = SandboxHttpServer.start(0);
    private final List<Post> received = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Post, SandboxResponse>> behaviours = new ConcurrentHashMap<>();

    FormReceiver() {
        server.route("/", this::receive);
    }

    String url(String path) {
        return server.baseUrl() + path;
    }

    void answer(String path, Function<Post, SandboxResponse> behaviour) {
        behaviours.put(path, behaviour);
    }

    void answerStatus(String path, int status) {
        answer(path, post -> SandboxResponse.text(status, "text/plain", ""));
    }

    List<Post> received() {
        return List.copyOf(received);
    }

    List<Post> received(String path) {
        return received.stream().filter(post -> post.path().equals(path)).toList();
    }

    private SandboxResponse receive(SandboxRequest request) {
        Post post = new Post(request.path(), request.uri().getRawQuery(),
                FormDecoder.decode(request.bodyText(), StandardCharsets.UTF_8),
                request.header("X-Twilio-Signature").orElse(null),
                request.header("I-Twilio-Idempotency-Token").orElse(null), request.header("Content-Type").orElse(null),
                request.header("User-Agent").orElse(null));
        received.add(post);
        return behaviours.getOrDefault(request.path(), p -> SandboxResponse.text(200, "text/xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>")).apply(post);
    }

    @Override
    public void close() {
        server.close();
    }
}
