package dev.switchboard.sandbox.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Chat completions: the response shape, the context echo, scripted replies, streaming, models, validation. */
class OpenAiChatIT {

    static OpenAiEmulator openai;
    static OpenAiHttp http;

    @BeforeAll
    static void start() {
        openai = OpenAiEmulator.start();
        http = new OpenAiHttp(openai.baseUrl());
    }

    @AfterAll
    static void stop() {
        openai.close();
    }

    @BeforeEach
    void reset() {
        openai.reset();
        http.apiKey(null);
    }

    @Test
    void aCompletionHasOpenAisShape() {
        OpenAiHttp.Reply reply = http.chat("""
                {"model": "gpt-4o-mini", "temperature": 0.2, "max_tokens": 200,
                 "messages": [{"role": "system", "content": "You are a booking assistant."},
                              {"role": "user", "content": "Is there a table for four tonight?"}]}""");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(reply.raw().headers().firstValue("x-request-id").orElseThrow()).startsWith("req_");
        JsonNode body = reply.json();
        assertThat(body.path("id").asString()).matches("chatcmpl-[A-Za-z0-9]{29}");
        assertThat(body.path("object").asString()).isEqualTo("chat.completion");
        assertThat(body.path("created").asLong()).isGreaterThan(1_700_000_000L);
        assertThat(body.path("model").asString()).isEqualTo("gpt-4o-mini");
        JsonNode choice = body.path("choices").path(0);
        assertThat(choice.path("index").asInt()).isZero();
        assertThat(choice.path("message").path("role").asString()).isEqualTo("assistant");
        assertThat(choice.path("message").path("content").asString())
                .isEqualTo("[gpt-4o-mini] Is there a table for four tonight?");
        assertThat(choice.path("finish_reason").asString()).isEqualTo("stop");
        JsonNode usage = body.path("usage");
        assertThat(usage.path("prompt_tokens").asInt()).isEqualTo(3 + (3 + 7) + (3 + 9));
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo(12);
        assertThat(usage.path("total_tokens").asInt()).isEqualTo(usage.path("prompt_tokens").asInt() + 12);

        ChatRequest recorded = openai.requests().get(0);
        assertThat(recorded.model()).isEqualTo("gpt-4o-mini");
        assertThat(recorded.temperature()).isEqualTo(0.2);
        assertThat(recorded.maxTokens()).isEqualTo(200);
        assertThat(recorded.stream()).isFalse();
        assertThat(recorded.messages()).containsExactly(new ChatMessage("system", "You are a booking assistant."),
                new ChatMessage("user", "Is there a table for four tonight?"));
    }

    @Test
    void theEchoShowsMarkedContextAndHistory() throws Exception {
        String rag;
        try (java.io.InputStream in = getClass().getResourceAsStream("/openai/chat-request-rag.json")) {
            rag = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        OpenAiHttp.Reply reply = http.chat(rag);
        assertThat(reply.content()).isEqualTo("""
                [gpt-4o] [source: faq.md] Dogs welcome
                What does the risotto cost?
                sources: menu.md#mains; hours.md; faq.md
                history: 2 earlier messages""");
        ChatRequest request = openai.requests().get(0);
        assertThat(request.sources()).containsExactly("menu.md#mains", "hours.md", "faq.md");
        assertThat(request.history()).extracting(ChatMessage::role).containsExactly("user", "assistant");
        assertThat(request.temperature()).isEqualTo(0.3);
        assertThat(request.maxTokens()).isEqualTo(400);
        assertThat(OpenAiEmulator.reply(request)).isEqualTo(reply.content());

        assertThat(http.chat(OpenAiHttp.body("gpt-4o", "user", "plain")).content())
                .as("no context, no history: one line").isEqualTo("[gpt-4o] plain");
    }

    @Test
    void arrayOfPartsContentIsAccepted() {
        OpenAiHttp.Reply reply = http.chat("""
                {"model": "gpt-4o-mini", "messages": [
                  {"role": "developer", "content": [{"type": "text", "text": "[source: kb/1] Fact one"}]},
                  {"role": "user", "content": [{"type": "text", "text": "What is"},
                                               {"type": "image_url", "image_url": {"url": "https://x/y.png"}},
                                               {"type": "text", "text": "this?"}]}]}""");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.content()).isEqualTo("[gpt-4o-mini] What is\n[image]\nthis?\nsources: kb/1");
    }

    @Test
    void scriptedRepliesComeFirstThenRulesThenTheEcho() {
        openai.replyWith("first");
        openai.replyWith("second and third", 2);
        openai.replyWhen(request -> request.lastUserMessage().contains("refund"), "Refunds take 5 days.");
        openai.replyWhen(request -> request.systemPrompt().contains("pirate"), request -> "Arr, " + request.model());
        assertThat(http.chat(OpenAiHttp.body("gpt-4o-mini", "user", "refund?")).content()).isEqualTo("first");
        assertThat(http.chat(OpenAiHttp.body("gpt-4o-mini", "user", "x")).content()).isEqualTo("second and third");
        assertThat(http.chat(OpenAiHttp.body("gpt-4o-mini", "user", "x")).content()).isEqualTo("second and third");
        assertThat(http.chat(OpenAiHttp.body("gpt-4o-mini", "user", "a refund please")).content())
                .isEqualTo("Refunds take 5 days.");
        assertThat(http.chat(OpenAiHttp.body("gpt-4o", "system", "talk like a pirate", "user", "hi")).content())
                .isEqualTo("Arr, gpt-4o");
        assertThat(http.chat(OpenAiHttp.body("gpt-4o-mini", "user", "hello")).content())
                .isEqualTo("[gpt-4o-mini] hello");
    }

    @Test
    void maxTokensCutsTheReplyWithFinishReasonLength() {
        openai.replyWith("one two three four five six seven eight nine ten");
        OpenAiHttp.Reply reply = http.chat("{\"model\": \"gpt-4o-mini\", \"max_completion_tokens\": 3,"
                + " \"messages\": [{\"role\": \"user\", \"content\": \"count\"}]}");
        assertThat(reply.content()).isEqualTo("one two thre");
        assertThat(reply.json().path("choices").path(0).path("finish_reason").asString()).isEqualTo("length");
        assertThat(reply.json().path("usage").path("completion_tokens").asInt()).isEqualTo(3);
    }

    @Test
    void streamingAnswersServerSentEventsEndingWithDone() {
        openai.replyWith("Table for four at 19:00.");
        OpenAiHttp.Reply reply = http.chat("{\"model\": \"gpt-4o-mini\", \"stream\": true,"
                + " \"stream_options\": {\"include_usage\": true},"
                + " \"messages\": [{\"role\": \"user\", \"content\": \"book\"}]}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        assertThat(reply.body()).endsWith("data: [DONE]\n\n");
        List<JsonNode> events = reply.events();
        assertThat(events).allMatch(event -> event.path("object").asString().equals("chat.completion.chunk"));
        assertThat(events).extracting(event -> event.path("id").asString()).containsOnly(events.get(0).path("id")
                .asString());
        assertThat(events.get(0).path("choices").path(0).path("delta").path("role").asString()).isEqualTo("assistant");
        StringBuilder text = new StringBuilder();
        events.forEach(event -> text.append(event.path("choices").path(0).path("delta").path("content").asString("")));
        assertThat(text.toString()).isEqualTo("Table for four at 19:00.");
        JsonNode finish = events.get(events.size() - 2);
        assertThat(finish.path("choices").path(0).path("finish_reason").asString()).isEqualTo("stop");
        JsonNode usage = events.get(events.size() - 1);
        assertThat(usage.path("choices")).isEmpty();
        assertThat(usage.path("usage").path("completion_tokens").asInt()).isEqualTo(6);
        assertThat(openai.requests().get(0).stream()).isTrue();

        OpenAiHttp.Reply noUsage = http.chat("{\"model\": \"gpt-4o-mini\", \"stream\": true,"
                + " \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}");
        assertThat(noUsage.events()).noneMatch(event -> event.has("usage"));
    }

    @Test
    void modelsAreListedAndUnknownOnesAre404() {
        JsonNode list = http.get("/models").json();
        assertThat(list.path("object").asString()).isEqualTo("list");
        assertThat(list.path("data")).extracting(model -> model.path("id").asString()).contains("gpt-4o-mini");
        assertThat(list.path("data").path(0).path("object").asString()).isEqualTo("model");
        assertThat(list.path("data").path(0).path("owned_by").asString()).isNotEmpty();
        assertThat(list.path("data").path(0).path("created").asLong()).isPositive();

        openai.models("local-llama", "gpt-4o-mini");
        assertThat(http.get("/models/local-llama").json().path("id").asString()).isEqualTo("local-llama");
        OpenAiHttp.Reply unknown = http.chat(OpenAiHttp.body("gpt-5-turbo-max", "user", "hi"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error().path("code").asString()).isEqualTo("model_not_found");
        assertThat(unknown.error().path("type").asString()).isEqualTo("invalid_request_error");
        assertThat(unknown.error().path("message").asString()).contains("gpt-5-turbo-max");
        assertThat(http.get("/models/gpt-4o").status()).isEqualTo(404);
    }

    @Test
    void invalidRequestsGetOpenAisErrors() {
        OpenAiHttp.Reply notJson = http.chat("{model: gpt");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.error().path("message").asString()).startsWith("We could not parse the JSON body");

        assertThat(http.chat("{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}").error().path("message")
                .asString()).isEqualTo("you must provide a model parameter");
        OpenAiHttp.Reply noMessages = http.chat("{\"model\": \"gpt-4o-mini\"}");
        assertThat(noMessages.error().path("code").asString()).isEqualTo("missing_required_parameter");
        assertThat(noMessages.error().path("param").asString()).isEqualTo("messages");
        assertThat(http.chat("{\"model\": \"gpt-4o-mini\", \"messages\": []}").error().path("code").asString())
                .isEqualTo("empty_array");
        OpenAiHttp.Reply role = http.chat(OpenAiHttp.body("gpt-4o-mini", "robot", "beep"));
        assertThat(role.error().path("param").asString()).isEqualTo("messages[0].role");
        assertThat(role.error().path("code").asString()).isEqualTo("invalid_value");
        OpenAiHttp.Reply hot = http.chat("{\"model\": \"gpt-4o-mini\", \"temperature\": 2.5,"
                + " \"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}");
        assertThat(hot.error().path("code").asString()).isEqualTo("decimal_above_max_value");
        assertThat(http.get("/chat/completions").status()).isEqualTo(405);
        OpenAiHttp.Reply nowhere = http.get("/completions/chat");
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.error().path("message").asString()).isEqualTo("Invalid URL (GET /v1/completions/chat)");
    }
}
