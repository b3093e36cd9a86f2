package dev.switchboard.app.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.sandbox.telegram.SentMessage;
import dev.switchboard.sandbox.telegram.TgUser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-off with the default {@code faq} agent: asking for a person, or a question nothing answers,
 * switches the conversation to {@code human} and tells the notification recipients; the agent
 * stays quiet until someone switches it back, then answers again.
 */
class AgentHandOffIT extends AgentIT {

    @Test
    void askingForAPersonSilencesTheAgentTellsTheRecipientsAndSwitchingBackResumesIt() throws Exception {
        Connected connected = connectBot("faqho", Map.of("kind", "faq"));
        addDocument(connected.tenant(), "Sauna", KnowledgeAnswerIT.SAUNA);
        TgUser staff = staff(connected);
        TgUser guest = guest("Gleb", "ru");
        assertThat(ask(connected, guest, KnowledgeAnswerIT.QUESTION, 1).get(0)).contains("7391");

        assertThat(ask(connected, guest, "Позовите оператора, пожалуйста", 1)).containsExactly(HANDOFF_LINE);

        eventually(() -> assertThat(telegram.sentMessages(connected.bot().token(), staff.id())).extracting(SentMessage::text)
                .anyMatch(text -> text.contains("needs a person") && text.contains("Позовите оператора")));
        String conversation = conversationId(connected, guest);
        assertThat(mode(connected, conversation)).isEqualTo("human");
        int answered = sent(connected, guest).size();
        telegram.injectText(connected.bot().token(), guest, KnowledgeAnswerIT.QUESTION);
        eventually(() -> assertThat(messagesOfChat(connected.tenant(), guest.id())).filteredOn(
                m -> m.path("text").asString().equals(KnowledgeAnswerIT.QUESTION)).hasSize(2));
        Thread.sleep(1500);
        assertThat(sent(connected, guest)).hasSize(answered);

        assertThat(connected.tenant().api().post("/api/v1/conversations/" + conversation + "/handoff",
                Map.of("mode", "bot")).text("mode")).isEqualTo("bot");
        assertThat(ask(connected, guest, KnowledgeAnswerIT.QUESTION, 1).get(0)).contains("7391");
    }

    @Test
    void aQuestionNothingAnswersIsHandedOverWithTheReason() {
        Connected connected = connectBot("faqnone", Map.of("kind", "faq"));
        addDocument(connected.tenant(), "Sauna", KnowledgeAnswerIT.SAUNA);
        TgUser staff = staff(connected);
        TgUser guest = guest("Nina", "en");

        assertThat(ask(connected, guest, "Do you rent bicycles?", 1)).containsExactly(HANDOFF_LINE);

        eventually(() -> assertThat(telegram.sentMessages(connected.bot().token(), staff.id())).extracting(SentMessage::text)
                .anyMatch(text -> text.contains("no answer in the knowledge") && text.contains("Do you rent bicycles?")));
        assertThat(mode(connected, conversationId(connected, guest))).isEqualTo("human");
    }

    /** A member of staff who started the bot and is the tenant's notification recipient. */
    private TgUser staff(Connected connected) {
        TgUser staff = guest("Staff", "en");
        ask(connected, staff, "hello", 1);
        connected.tenant().api().put("/api/v1/notifications", Map.of("recipients", List.of(Map.of(
                "integrationId", connected.integrationId(), "to", Long.toString(staff.id())))));
        return staff;
    }
}
