package dev.switchboard.app.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.sandbox.openai.ChatRequest;
import dev.switchboard.sandbox.telegram.TgUser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A tenant's document with a distinctive fact: a question about it in Telegram is answered with
 * the fact, offline ({@code faq}) and through a model ({@code llm}, whose request carries the
 * passage); another tenant asking the same gets nothing of it.
 */
class KnowledgeAnswerIT extends AgentIT {

    static final String SAUNA = """
            # Sauna
            ## Door code
            The sauna door opens with the code 7391; the code changes every Monday.

            ## Hours
            The sauna is heated from 15:00 to 22:00.
            """;
    static final String PARKING_RU = """
            # Парковка
            Парковка во дворе стоит 300 рублей в сутки, въезд с Садовой улицы.
            """;
    static final String MENU = """
            # Menu
            ## Soup
            The soup of the day costs 6 EUR.
            """;
    static final String QUESTION = "What is the code for the sauna door?";

    @Test
    void theFaqAgentAnswersFromItsTenantsDocumentsAndNobodyElses() {
        Connected a = connectBot("faq_a", Map.of("kind", "faq"));
        Connected b = connectBot("faq_b", Map.of("kind", "faq"));
        addDocument(a.tenant(), "Sauna", SAUNA);
        addDocument(a.tenant(), "Парковка", PARKING_RU);
        addDocument(b.tenant(), "Menu", MENU);
        TgUser anna = guest("Anna", "en");
        TgUser boris = guest("Boris", "en");

        assertThat(ask(a, anna, "Hello!", 1)).containsExactly(
                "Hello! Ask me anything about us, and I will answer from our information.");
        assertThat(ask(a, anna, QUESTION, 1)).singleElement().asString()
                .isEqualTo("The sauna door opens with the code 7391; the code changes every Monday.");
        assertThat(ask(a, anna, "Сколько стоит парковка?", 1)).singleElement().asString().contains("300 рублей");

        assertThat(ask(b, boris, QUESTION, 1)).containsExactly(HANDOFF_LINE);
        assertThat(messagesOfChat(b.tenant(), boris.id())).extracting(m -> m.path("text").asString())
                .noneMatch(text -> text.contains("7391"));
        assertThat(mode(b, conversationId(b, boris))).isEqualTo("human");
    }

    @Test
    void theLlmAgentSendsItsTenantsPassagesToTheModelAndNobodyElses() {
        openai.reset();
        openai.requireApiKey("sk-tenant-a-000000000001");
        openai.requireApiKey("sk-tenant-b-000000000002");
        // a model that answers from the first passage it was given, as a real one would
        openai.replyWhen(request -> request.lastUserMessage().contains("sauna"), request -> request.systemPrompt()
                .lines().filter(line -> line.startsWith("[source:")).findFirst()
                .map(line -> "From our notes: " + line.substring(line.indexOf(']') + 1).strip())
                .orElse("I am not sure, sorry."));
        Connected a = connectBot("llm_a", llm("You are the concierge of Hotel Alpha.", "sk-tenant-a-000000000001"));
        Connected b = connectBot("llm_b", llm("You are the concierge of Hotel Beta.", "sk-tenant-b-000000000002"));
        addDocument(a.tenant(), "Sauna", SAUNA);
        addDocument(b.tenant(), "Menu", MENU);
        TgUser anna = guest("Anna", "en");
        TgUser boris = guest("Boris", "en");

        assertThat(ask(a, anna, QUESTION, 1)).singleElement().asString().contains("7391");
        assertThat(ask(b, boris, QUESTION, 1)).singleElement().asString().doesNotContain("7391");

        ChatRequest toA = requestFor("Hotel Alpha");
        assertThat(toA.authorizationPresent()).isTrue();
        assertThat(toA.model()).isEqualTo("gpt-4o-mini");
        assertThat(toA.temperature()).isEqualTo(0.3);
        assertThat(toA.sources()).first().isEqualTo("Sauna — Door code");
        assertThat(toA.systemPrompt()).contains("The sauna door opens with the code 7391");
        ChatRequest toB = requestFor("Hotel Beta");
        assertThat(toB.systemPrompt()).doesNotContain("7391").doesNotContain("Sauna");
        assertThat(toB.sources()).allSatisfy(source -> assertThat(source).startsWith("Menu"));

        ask(a, anna, "And when is it heated?", 1);
        ChatRequest followUp = openai.requests().get(openai.requests().size() - 1);
        assertThat(followUp.lastUserMessage()).isEqualTo("And when is it heated?");
        assertThat(followUp.history()).extracting(m -> m.content())
                .containsSubsequence(QUESTION, "From our notes: The sauna door opens with the code 7391; the code "
                        + "changes every Monday.");
    }

    private Map<String, Object> llm(String systemPrompt, String key) {
        return Map.of("kind", "llm", "systemPrompt", systemPrompt, "llm", Map.of("baseUrl", openai.baseUrl(),
                "model", "gpt-4o-mini", "apiKey", key, "temperature", 0.3));
    }

    private ChatRequest requestFor(String hotel) {
        List<ChatRequest> matching = openai.requests().stream().filter(r -> r.systemPrompt().contains(hotel)).toList();
        assertThat(matching).isNotEmpty();
        return matching.get(0);
    }
}
