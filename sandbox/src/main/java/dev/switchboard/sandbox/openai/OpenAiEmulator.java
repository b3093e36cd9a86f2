package dev.switchboard.sandbox.openai;

import dev.switchboard.sandbox.http.SandboxHttpServer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A faithful OpenAI-compatible chat-completions API on 127.0.0.1 for tests and demos: point a
 * client's base URL at {@link #baseUrl()} instead of https://api.openai.com/v1. Replies are
 * deterministic and show what context reached the model (see {@link #reply(ChatRequest)} for
 * the convention); tests may script replies, require keys, arm faults and read every request.
 * The same control surface is served over HTTP under {@code /_sandbox/openai}. Thread-safe.
 */
public final class OpenAiEmulator implements AutoCloseable {

    private final OpenAiState state = new OpenAiState();
    private final ReplyScript script = new ReplyScript();
    private final SandboxHttpServer server;

    private OpenAiEmulator(int port) {
        server = SandboxHttpServer.start(port)
                .route(OpenAiApi.PREFIX, new OpenAiApi(state, script))
                .route(ControlSurface.PREFIX, new ControlSurface(this))
                .fallback(request -> OpenAiError.invalidUrl(request.method(), request.path()).toResponse());
    }

    /** Starts on a free port. */
    public static OpenAiEmulator start() {
        return start(0);
    }

    public static OpenAiEmulator start(int port) {
        return new OpenAiEmulator(port);
    }

    /** {@code http://127.0.0.1:PORT/v1}: what clients configure as their base URL. */
    public String baseUrl() {
        return server.baseUrl() + "/v1";
    }

    /** {@code http://127.0.0.1:PORT}: for clients that append {@code /v1/...} themselves (e.g. Spring AI). */
    public String rootUrl() {
        return server.baseUrl();
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }

    /**
     * Forgets API keys, scripted replies, armed faults and recordings and restores the default
     * models. Latency keeps its value.
     */
    public void reset() {
        state.reset();
        script.clear();
    }

    /** From now on every call needs {@code Authorization: Bearer <key>} with this (or another required) key. */
    public void requireApiKey(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("an API key must not be blank");
        }
        state.requireApiKey(key);
    }

    /**
     * The models that exist; others answer 404 {@code model_not_found}. Default: gpt-4o-mini,
     * gpt-4o, gpt-4.1, gpt-4.1-mini, gpt-4.1-nano, o4-mini.
     */
    public void models(String... ids) {
        if (ids.length == 0) {
            throw new IllegalArgumentException("at least one model");
        }
        state.models(Arrays.asList(ids));
    }

    public List<String> models() {
        return state.models();
    }

    // ---- replies

    /** The next completion answers {@code text} (queued after earlier scripted replies). */
    public void replyWith(String text) {
        replyWith(text, 1);
    }

    /** The next {@code times} completions answer {@code text}. */
    public void replyWith(String text, int times) {
        script.enqueue(Objects.requireNonNull(text, "text"), times);
    }

    /** Every completion whose request matches answers {@code text} (first matching rule wins; queued replies first). */
    public void replyWhen(Predicate<ChatRequest> matcher, String text) {
        Objects.requireNonNull(text, "text");
        script.when(Objects.requireNonNull(matcher, "matcher"), request -> text);
    }

    public void replyWhen(Predicate<ChatRequest> matcher, Function<ChatRequest, String> reply) {
        script.when(Objects.requireNonNull(matcher, "matcher"), Objects.requireNonNull(reply, "reply"));
    }

    /**
     * The default reply for a request: {@code [model] <last user message>}, then
     * {@code sources: <label>; <label>} if lines of system, developer or user messages start with
     * {@code [source: label]}, then {@code history: <n> earlier messages} if user or assistant
     * messages precede the last user message.
     */
    public static String reply(ChatRequest request) {
        return ContextEcho.reply(request);
    }

    // ---- recordings, faults, latency

    /** Every chat-completions request whose body could be read, accepted or not, in arrival order. */
    public List<ChatRequest> requests() {
        return state.requests();
    }

    /** Every API call with its status. */
    public List<ApiCall> calls() {
        return state.calls();
    }

    /** The next {@code times} chat-completions calls fail with {@code fault} (after the key and body checks). */
    public void armFault(Fault fault, int times) {
        state.armFault(Objects.requireNonNull(fault, "fault"), times);
    }

    public void clearFaults() {
        state.clearFaults();
    }

    /** A fixed delay before every API call is answered. */
    public void latency(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative latency");
        }
        state.latency(delay);
    }

    @Override
    public String toString() {
        return "OpenAiEmulator[" + baseUrl() + ", models=" + state.models() + "]";
    }
}
