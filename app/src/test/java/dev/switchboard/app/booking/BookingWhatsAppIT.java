package dev.switchboard.app.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.support.Api;
import dev.switchboard.app.support.Sandboxes;
import dev.switchboard.app.whatsapp.WhatsAppIT;
import dev.switchboard.sandbox.greenapi.GreenSent;
import dev.switchboard.sandbox.telegram.Bot;
import dev.switchboard.sandbox.telegram.SentMessage;
import dev.switchboard.sandbox.telegram.TelegramEmulator;
import dev.switchboard.sandbox.telegram.TgUser;
import dev.switchboard.sandbox.twilio.TwilioMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The booking flow on WhatsApp: through Green API with numbered replies where the instance refuses
 * buttons, and through Twilio, where a manager outside the 24-hour window is reached with the
 * venue's Content template, or — without one — on the venue's other channel after the 63016.
 */
class BookingWhatsAppIT extends WhatsAppIT {

    private static final String TEMPLATE = "HX" + "0123456789abcdef".repeat(2);

    @Test
    void aGuestClaimsOnGreenApiAndAManagerApprovesWithANumberedReply() {
        GreenConnected venueNumber = connectGreen("bkgreen", "webhook", "echo");
        long instance = venueNumber.instance().idInstance();
        green.interactiveButtonsForbidden(instance, true);
        String venueId = venue(venueNumber.api(), Map.of("whatsappIntegrationId", venueNumber.integrationId()));
        String manager = randomNumber("+7900");
        green.registerWhatsAppUser(digits(manager));
        assertThat(venueNumber.api().post("/api/v1/venues/" + venueId + "/managers",
                Map.of("name", "Ivan", "phone", manager)).status()).isEqualTo(201);

        Api.Response created = newBooking(venueNumber.api(), venueId);
        String code = created.text("code");
        String id = created.text("id");
        assertThat(created.json().path("links").path("whatsapp").asString())
                .isEqualTo("https://wa.me/" + venueNumber.instance().phoneDigits() + "?text=BOOKING:" + code);

        String guest = randomNumber("+7901");
        green.registerWhatsAppUser(digits(guest));
        green.injectText(instance, digits(guest), "Anna", "BOOKING:" + code);

        eventually(() -> assertThat(booking(venueNumber.api(), id).path("status").asString()).isEqualTo("PENDING"));
        assertThat(booking(venueNumber.api(), id).path("client").path("phone").asString()).isEqualTo(guest);
        eventually(() -> assertThat(textsTo(instance, manager)).anyMatch(t -> t.startsWith("Новая заявка")));
        String request = textsTo(instance, manager).stream().filter(t -> t.startsWith("Новая заявка")).findFirst().orElseThrow();
        assertThat(request).contains("Пушкин", "Гостей: 2", "Клиент: Anna", "1 — Подтвердить", "2 — Отклонить",
                "3 — Связаться с клиентом: https://wa.me/" + digits(guest));

        green.injectText(instance, digits(manager), "Ivan", "1");

        eventually(() -> assertThat(booking(venueNumber.api(), id).path("status").asString()).isEqualTo("APPROVED"));
        JsonNode history = booking(venueNumber.api(), id).path("history");
        assertThat(history.findValuesAsString("to")).containsExactly("DRAFT", "PENDING", "APPROVED");
        assertThat(history.get(2).path("actor").asString()).isEqualTo("Ivan");
        eventually(() -> assertThat(textsTo(instance, guest)).anyMatch(t -> t.contains("подтверждено") && t.contains("Пушкин")));
    }

    @Test
    void aManagerOutsideTheTwilioWindowGetsTheVenuesTemplate() {
        TwilioConnected sender = connectTwilio("bktpl", "echo");
        String venueId = venue(sender.api(), Map.of("whatsappIntegrationId", sender.integrationId(),
                "managerTemplates", Map.of("ru", TEMPLATE)));
        String manager = randomNumber("+7902");
        assertThat(sender.api().post("/api/v1/venues/" + venueId + "/managers",
                Map.of("name", "Olga", "phone", manager)).status()).isEqualTo(201);
        Api.Response created = newBooking(sender.api(), venueId);
        assertThat(created.json().path("links").path("whatsapp").asString())
                .isEqualTo("https://wa.me/" + digits(sender.number()) + "?text=BOOKING:" + created.text("code"));

        twilio.injectInbound(sender.account().sid(), "whatsapp:" + randomNumber("+7903"), sender.sender(),
                "BOOKING:" + created.text("code"), "Anna");

        eventually(() -> assertThat(to(sender, manager)).singleElement().satisfies(message -> {
            assertThat(message.contentSid()).isEqualTo(TEMPLATE);
            assertThat(message.contentVariables()).contains("Пушкин");
            assertThat(message.status()).isNotEqualTo("failed");
        }));
    }

    @Test
    void withoutATemplateThe63016IsRecordedAndTheManagerIsReachedOnTelegram() {
        TwilioConnected sender = connectTwilio("bkfall", "echo");
        TelegramEmulator telegram = Sandboxes.telegram();
        Bot bot = telegram.createBot("bkfall_bot");
        Api.Response bound = sender.api().post("/api/v1/integrations", Map.of("type", "telegram", "name", "Bot",
                "credentials", Map.of("botToken", bot.token()), "settings", Map.of("mode", "webhook")));
        assertThat(bound.status()).as(bound.body()).isEqualTo(201);
        TgUser olgaOnTelegram = telegram.user(7_600_000_001L + System.nanoTime() % 100000, "Olga", "olga_m", "ru");
        telegram.injectText(bot.token(), olgaOnTelegram, "hello");
        eventually(() -> assertThat(telegram.sentMessages(bot.token(), olgaOnTelegram.id())).isNotEmpty());

        String venueId = venue(sender.api(), Map.of("whatsappIntegrationId", sender.integrationId(),
                "telegramIntegrationId", bound.text("id")));
        String manager = randomNumber("+7904");
        assertThat(sender.api().post("/api/v1/venues/" + venueId + "/managers", Map.of("name", "Olga", "phone", manager,
                "telegramChatId", Long.toString(olgaOnTelegram.id()))).status()).isEqualTo(201);
        Api.Response created = newBooking(sender.api(), venueId);
        String id = created.text("id");

        twilio.injectInbound(sender.account().sid(), "whatsapp:" + randomNumber("+7905"), sender.sender(),
                "BOOKING:" + created.text("code"), "Anna");

        eventually(() -> assertThat(to(sender, manager)).singleElement()
                .satisfies(message -> assertThat(message.errorCode()).isEqualTo(63016)));
        eventually(() -> assertThat(booking(sender.api(), id).path("history").findValuesAsString("note"))
                .anyMatch(note -> note.contains("manager notification failed") && note.contains("63016")));
        eventually(() -> assertThat(telegram.sentMessages(bot.token(), olgaOnTelegram.id())).extracting(SentMessage::text)
                .anyMatch(t -> t != null && t.startsWith("Новая заявка")));
        assertThat(booking(sender.api(), id).path("status").asString()).isEqualTo("PENDING");
    }

    private static String venue(Api api, Map<String, Object> channels) {
        Map<String, Object> venue = new HashMap<>(Map.of("name", "Пушкин", "kind", "restaurant",
                "managerLanguage", "ru", "timezone", "Europe/Moscow"));
        venue.putAll(channels);
        Api.Response created = api.post("/api/v1/venues", venue);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("id");
    }

    private static Api.Response newBooking(Api api, String venueId) {
        Api.Response created = api.post("/api/v1/bookings", Map.of("venueId", venueId,
                "startsAt", "2030-06-01T19:00:00+03:00", "partySize", 2));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created;
    }

    private static JsonNode booking(Api api, String id) {
        return api.get("/api/v1/bookings/" + id).json();
    }

    private List<String> textsTo(long instance, String phone) {
        return green.sent(instance).stream().filter(s -> s.chatId().equals(digits(phone) + "@c.us"))
                .map(GreenSent::body).map(body -> String.valueOf(body.get("message"))).toList();
    }

    private List<TwilioMessage> to(TwilioConnected sender, String phone) {
        return twilio.messages(sender.account().sid()).stream().filter(m -> m.to().equals("whatsapp:" + phone)).toList();
    }
}
