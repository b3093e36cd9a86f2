package dev.switchboard.app.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.sandbox.telegram.SentMessage;
import dev.switchboard.sandbox.telegram.TgUser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Asking for a person hands the conversation over: the agent goes quiet and the tenant is told. */
class HandOffIT extends TelegramIT {

    @Test
    void askingForAPersonSilencesTheAgentNotifiesAndCanBeSwitchedBack() throws Exception {
        Connected connected = connectEchoBot("handoff", "webhook");
        TgUser staff = telegram.user(5_300_000_001L, "Staff", "staff", "en");
        startChat(connected, staff);
        connected.tenant().api().put("/api/v1/notifications", Map.of("recipients", List.of(Map.of(
                "integrationId", connected.integrationId(), "to", Long.toString(staff.id())))));
        TgUser guest = telegram.user(5_300_000_002L, "Guest", "guest_ho", "ru");
        startChat(connected, guest);

        telegram.injectText(connected.bot().token(), guest, "Позовите человека, пожалуйста");

        eventually(() -> assertThat(telegram.sentMessages(connected.bot().token(), guest.id()))
                .extracting(SentMessage::text).containsExactly("hello", "Thank you, a person will answer you here shortly."));
        eventually(() -> assertThat(telegram.sentMessages(connected.bot().token(), staff.id()))
                .extracting(SentMessage::text).anyMatch(t -> t.contains("needs a person") && t.contains("Позовите человека")));
        String conversationId = connected.tenant().api().get("/api/v1/conversations?q=" + guest.id()).json()
                .path("items").valueStream().filter(c -> c.path("chatId").asString().equals(Long.toString(guest.id())))
                .findFirst().orElseThrow().path("id").asString();
        assertThat(connected.tenant().api().get("/api/v1/conversations/" + conversationId).text("mode")).isEqualTo("human");

        telegram.injectText(connected.bot().token(), guest, "are you there?");
        eventually(() -> assertThat(messagesOfChat(connected.tenant(), guest.id()))
                .extracting(m -> m.path("text").asString()).contains("are you there?"));
        Thread.sleep(1500);
        assertThat(telegram.sentMessages(connected.bot().token(), guest.id())).hasSize(2);

        assertThat(connected.tenant().api().post("/api/v1/conversations/" + conversationId + "/handoff",
                Map.of("mode", "bot")).text("mode")).isEqualTo("bot");
        telegram.injectText(connected.bot().token(), guest, "thanks");
        eventually(() -> assertThat(telegram.sentMessages(connected.bot().token(), guest.id()))
                .extracting(SentMessage::text).endsWith("thanks"));
        assertThat(connected.tenant().api().post("/api/v1/conversations/" + conversationId + "/handoff",
                Map.of("mode", "robot")).status()).isEqualTo(400);
    }

    @Test
    void aPersonReplyingFromTheApiTakesTheConversationOver() {
        Connected connected = connectEchoBot("takeover", "webhook");
        TgUser guest = telegram.user(5_300_000_101L, "Guest", "guest_to", "en");
        startChat(connected, guest);
        String conversationId = connected.tenant().api().get("/api/v1/conversations").json()
                .path("items").get(0).path("id").asString();

        assertThat(connected.tenant().api().post("/api/v1/conversations/" + conversationId + "/messages",
                Map.of("text", "Hi, this is Maria from the front desk")).status()).isEqualTo(202);

        eventually(() -> assertThat(telegram.sentMessages(connected.bot().token(), guest.id()))
                .extracting(SentMessage::text).containsExactly("hello", "Hi, this is Maria from the front desk"));
        assertThat(connected.tenant().api().get("/api/v1/conversations/" + conversationId).text("mode")).isEqualTo("human");
    }
}
