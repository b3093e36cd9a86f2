package dev.switchboard.sandbox.openai;

import dev.switchboard.sandbox.http.Json;
import dev.switchboard.sandbox.http.SandboxHandler;
import dev.switchboard.sandbox.http.SandboxRequest;
import dev.switchboard.sandbox.http.SandboxResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serves {@code /v1/chat/completions} and {@code /v1/models}: latency, API key, validation,
 * armed faults, model lookup, then the scripted or echoed reply. Every call is recorded.
 */
final class OpenAiApi implements SandboxHandler {

    static final String PREFIX = "/v1/";
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /** A fixed creation time for listed models, like OpenAI's (they never change). */
    private static final long MODEL_CREATED = 1_721_172_741L;

    private final OpenAiState state;
    private final ReplyScript script;
    private final SecureRandom random = new SecureRandom();

    OpenAiApi(OpenAiState state, ReplyScript script) {
        this.state = state;
        this.script = script;
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        sleep(state.latency());
        String path = request.path().replaceAll("/+$", "");
        SandboxResponse response;
        try {
            response = route(request, path);
        } catch (OpenAiError e) {
            response = e.toResponse();
            record(request, response, e.label());
            return withRequestId(response);
        }
        record(request, response, null);
        return response.closeWithoutResponse() ? response : withRequestId(response);
    }

    private SandboxResponse route(SandboxRequest request, String path) {
        if (path.equals("/v1/chat/completions")) {
            requireMethod(request, "POST");
            return completions(request);
        }
        if (path.equals("/v1/models")) {
            requireMethod(request, "GET");
            authenticate(request);
            ArrayNode data = Json.array();
            state.models().forEach(id -> data.add(model(id)));
            return SandboxResponse.json(200, Json.object().put("object", "list").set("data", data));
        }
        if (path.startsWith("/v1/models/")) {
            requireMethod(request, "GET");
            authenticate(request);
            String id = path.substring("/v1/models/".length());
            if (!state.knowsModel(id)) {
                throw OpenAiError.modelNotFound(id);
            }
            return SandboxResponse.json(200, model(id));
        }
        throw OpenAiError.invalidUrl(request.method(), request.path());
    }

    private SandboxResponse completions(SandboxRequest request) {
        boolean authorizationPresent = request.header("Authorization").isPresent();
        ChatRequestParser.Parsed parsed = null;
        OpenAiError invalid = null;
        try {
            parsed = ChatRequestParser.parse(request.body(), authorizationPresent, Instant.now());
            state.record(parsed.request());
        } catch (OpenAiError e) {
            invalid = e;
        }
        authenticate(request);
        if (invalid != null) {
            throw invalid;
        }
        ChatRequest chat = parsed.request();
        Optional<Fault> fault = state.takeFault();
        if (fault.isPresent()) {
            switch (fault.get().kind()) {
                case DROP_CONNECTION -> {
                    return SandboxResponse.dropConnection();
                }
                case HANG -> sleep(fault.get().duration());
                case ERROR -> throw fault.get().toError(chat.model());
            }
        }
        if (!state.knowsModel(chat.model())) {
            throw OpenAiError.modelNotFound(chat.model());
        }
        return answer(chat, parsed.n(), parsed.includeUsage());
    }

    private SandboxResponse answer(ChatRequest chat, int choices, boolean includeUsage) {
        String reply = script.replyFor(chat);
        String finishReason = "stop";
        if (chat.maxTokens() != null && TokenCount.text(reply) > chat.maxTokens()) {
            reply = TokenCount.truncate(reply, chat.maxTokens());
            finishReason = "length";
        }
        Completions.Answer answer = new Completions.Answer("chatcmpl-" + random(29), Instant.now().getEpochSecond(),
                chat.model(), reply, finishReason, choices, TokenCount.prompt(chat.messages()),
                TokenCount.text(reply));
        if (chat.stream()) {
            return SandboxResponse.text(200, "text/event-stream; charset=utf-8", Completions.stream(answer,
                    includeUsage)).withHeader("Cache-Control", "no-cache");
        }
        return SandboxResponse.json(200, Completions.completion(answer)).withHeader("openai-processing-ms", "1");
    }

    private void authenticate(SandboxRequest request) {
        if (!state.keysRequired()) {
            return;
        }
        String header = request.header("Authorization").orElse(null);
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith("bearer ")
                || header.substring(7).isBlank()) {
            throw OpenAiError.missingKey();
        }
        String key = header.substring(7).trim();
        if (!state.acceptsKey(key)) {
            throw OpenAiError.incorrectKey(key);
        }
    }

    private static void requireMethod(SandboxRequest request, String method) {
        if (!request.method().equals(method)) {
            throw new OpenAiError(405, "invalid_request_error", null, null,
                    "Invalid method for URL (" + request.method() + " " + request.path() + ")");
        }
    }

    private static ObjectNode model(String id) {
        return Json.object().put("id", id).put("object", "model").put("created", MODEL_CREATED)
                .put("owned_by", "system");
    }

    private void record(SandboxRequest request, SandboxResponse response, String errorCode) {
        state.record(new ApiCall(Instant.now(), request.method(), request.path(),
                response.closeWithoutResponse() ? 0 : response.status(), request.header("Authorization").isPresent(),
                errorCode));
    }

    private SandboxResponse withRequestId(SandboxResponse response) {
        return response.withHeader("x-request-id", "req_" + random(32).toLowerCase(Locale.ROOT))
                .withHeader("openai-version", "2020-10-01");
    }

    private synchronized String random(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return out.toString();
    }

    private static void sleep(Duration duration) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
