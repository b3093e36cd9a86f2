package dev.switchboard.sandbox.openai;

import dev.switchboard.sandbox.http.Json;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Renders a completion as one {@code chat.completion} object or as a stream of {@code chat.completion.chunk} events. */
final class Completions {

    static final String FINGERPRINT = "fp_sandbox";

    /** What is being answered. */
    record Answer(String id, long created, String model, String content, String finishReason, int choices,
            int promptTokens, int completionTokens) {
    }

    private Completions() {
    }

    static ObjectNode completion(Answer answer) {
        ObjectNode body = Json.object().put("id", answer.id()).put("object", "chat.completion")
                .put("created", answer.created()).put("model", answer.model());
        ArrayNode choices = body.putArray("choices");
        for (int i = 0; i < answer.choices(); i++) {
            ObjectNode message = Json.object().put("role", "assistant").put("content", answer.content());
            message.putNull("refusal");
            message.putArray("annotations");
            ObjectNode choice = Json.object().put("index", i);
            choice.set("message", message);
            choice.putNull("logprobs");
            choices.add(choice.put("finish_reason", answer.finishReason()));
        }
        body.set("usage", usage(answer));
        return body.put("service_tier", "default").put("system_fingerprint", FINGERPRINT);
    }

    /**
     * The server-sent events of a streamed answer: a role chunk, one chunk per word, a
     * finish_reason chunk, the usage chunk if asked for, then {@code data: [DONE]}.
     */
    static String stream(Answer answer, boolean includeUsage) {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < answer.choices(); i++) {
            ObjectNode first = Json.object().put("role", "assistant").put("content", "");
            first.putNull("refusal");
            events.append(event(chunk(answer, i, first, null, includeUsage)));
            for (String piece : pieces(answer.content())) {
                events.append(event(chunk(answer, i, Json.object().put("content", piece), null, includeUsage)));
            }
            events.append(event(chunk(answer, i, Json.object(), answer.finishReason(), includeUsage)));
        }
        if (includeUsage) {
            ObjectNode last = header(answer);
            last.putArray("choices");
            last.set("usage", usage(answer));
            events.append(event(last));
        }
        return events.append("data: [DONE]\n\n").toString();
    }

    private static ObjectNode chunk(Answer answer, int index, ObjectNode delta, String finishReason,
            boolean includeUsage) {
        ObjectNode chunk = header(answer);
        ObjectNode choice = Json.object().put("index", index);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        chunk.putArray("choices").add(choice);
        if (includeUsage) {
            chunk.putNull("usage");
        }
        return chunk;
    }

    private static ObjectNode header(Answer answer) {
        return Json.object().put("id", answer.id()).put("object", "chat.completion.chunk")
                .put("created", answer.created()).put("model", answer.model()).put("service_tier", "default")
                .put("system_fingerprint", FINGERPRINT);
    }

    private static ObjectNode usage(Answer answer) {
        int completion = answer.completionTokens() * answer.choices();
        ObjectNode usage = Json.object().put("prompt_tokens", answer.promptTokens())
                .put("completion_tokens", completion).put("total_tokens", answer.promptTokens() + completion);
        usage.set("prompt_tokens_details", Json.object().put("cached_tokens", 0).put("audio_tokens", 0));
        usage.set("completion_tokens_details", Json.object().put("reasoning_tokens", 0).put("audio_tokens", 0)
                .put("accepted_prediction_tokens", 0).put("rejected_prediction_tokens", 0));
        return usage;
    }

    /** Words with the whitespace that follows them, so the pieces concatenate to the content exactly. */
    static List<String> pieces(String content) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < content.length(); i++) {
            boolean endOfWord = Character.isWhitespace(content.charAt(i))
                    && (i + 1 == content.length() || !Character.isWhitespace(content.charAt(i + 1)));
            if (endOfWord) {
                pieces.add(content.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < content.length()) {
            pieces.add(content.substring(start));
        }
        return pieces;
    }

    private static String event(ObjectNode data) {
        return "data: " + Json.write(data) + "\n\n";
    }
}
