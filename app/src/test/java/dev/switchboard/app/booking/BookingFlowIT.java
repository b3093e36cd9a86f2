package dev.switchboard.app.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.support.Api;
import dev.switchboard.app.support.GoogleCalendars;
import dev.switchboard.app.support.LogCapture;
import dev.switchboard.app.support.Sandboxes;
import dev.switchboard.app.telegram.TelegramIT;
import dev.switchboard.sandbox.google.CalendarEvent;
import dev.switchboard.sandbox.telegram.Bot;
import dev.switchboard.sandbox.telegram.SentMessage;
import dev.switchboard.sandbox.telegram.TgUser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The booking flow through Telegram: a guest claims a draft by deep link, managers get the request
 * in the venue's language with buttons, one Approve decides, the guest is told, the calendar gets
 * one event; forged, guessed and repeated attempts change nothing.
 */
class BookingFlowIT extends TelegramIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestTenant tenant;
    private Bot bot;
    private String venueId;
    private String calendarEmail;
    private TgUser ivan;
    private TgUser olga;

    @BeforeEach
    void venueWithTwoManagers() {
        Sandboxes.google().registerClient(GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET, baseUrl() + "/oauth/google/callback");
        Connected connected = connectEchoBot("venue" + System.nanoTime() % 1000, "webhook");
        tenant = connected.tenant();
        bot = connected.bot();
        calendarEmail = tenant.slug() + "@calendar.test";
        String calendarId = GoogleCalendars.connect(tenant.api(), calendarEmail, "Reservations");
        Api.Response venue = tenant.api().post("/api/v1/venues", Map.of("name", "Пушкин", "kind", "restaurant",
                "managerLanguage", "ru", "timezone", "Europe/Moscow", "telegramIntegrationId", connected.integrationId(),
                "calendarIntegrationId", calendarId));
        assertThat(venue.status()).as(venue.body()).isEqualTo(201);
        venueId = venue.text("id");

        ivan = telegram.user(7_000_000_001L + System.nanoTime() % 100000, "Ivan", "ivan", "ru");
        startChat(connected, ivan);
        assertThat(tenant.api().post("/api/v1/venues/" + venueId + "/managers", Map.of("name", "Ivan",
                "telegramChatId", Long.toString(ivan.id()))).status()).isEqualTo(201);
        olga = telegram.user(7_100_000_001L + System.nanoTime() % 100000, "Olga", "olga", "ru");
        String invite = tenant.api().post("/api/v1/venues/" + venueId + "/managers", Map.of("name", "Olga"))
                .text("inviteLink");
        assertThat(invite).startsWith("https://t.me/" + bot.username() + "?start=MANAGER_");
        telegram.injectText(bot.token(), olga, "/start " + invite.substring(invite.indexOf("MANAGER_")));
        eventually(() -> assertThat(texts(olga)).anyMatch(t -> t.contains("Olga") && t.contains("Пушкин")));
    }

    @Test
    void aGuestClaimsAManagerApprovesTheGuestIsToldAndTheCalendarGetsOneEvent() {
        Api.Response created = tenant.api().post("/api/v1/bookings", Map.of("venueId", venueId,
                "startsAt", "2030-03-01T19:00:00+03:00", "partySize", 4, "tableLabel", "Терраса 5",
                "notes", "у окна", "preorder", List.of(Map.of("item", "Борщ", "quantity", 2))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String code = created.text("code");
        assertThat(created.text("status")).isEqualTo("DRAFT");
        assertThat(code).matches("[0-9A-Z]{10}");
        assertThat(created.json().path("links").path("telegram").asString())
                .isEqualTo("https://t.me/" + bot.username() + "?start=BOOKING_" + code);

        TgUser guest = telegram.user(7_200_000_001L + System.nanoTime() % 100000, "Ann", "ann_guest", "en");
        telegram.injectText(bot.token(), guest, "/start BOOKING_" + code);

        String id = created.text("id");
        eventually(() -> assertThat(booking(id).path("status").asString()).isEqualTo("PENDING"));
        assertThat(booking(id).path("client").path("telegramChatId").asString()).isEqualTo(Long.toString(guest.id()));
        eventually(() -> assertThat(texts(guest)).anyMatch(t -> t.contains("waiting for the venue's confirmation")));
        SentMessage request = eventuallyRequestTo(olga);
        assertThat(request.text()).contains("Новая заявка на бронирование — Пушкин", "Столик: Терраса 5",
                "1 марта 2030", "19:00", "Гостей: 4", "Клиент: Ann", "Пожелания: у окна", "Предзаказ: Борщ × 2");
        List<JsonNode> buttons = buttons(request);
        assertThat(buttons).extracting(b -> b.path("text").asString())
                .containsExactly("Подтвердить", "Отклонить", "Связаться с клиентом");
        assertThat(buttons.get(2).path("url").asString()).isEqualTo("tg://user?id=" + guest.id());
        assertThat(buttons.get(0).path("callback_data").asString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .hasSizeLessThanOrEqualTo(64);
        SentMessage ivansRequest = eventuallyRequestTo(ivan);

        // both press Approve at (almost) the same moment, Olga twice: one transition
        telegram.injectCallback(bot.token(), olga, request.messageId(), buttons.get(0).path("callback_data").asString());
        telegram.injectCallback(bot.token(), olga, request.messageId(), buttons.get(0).path("callback_data").asString());
        telegram.injectCallback(bot.token(), ivan, ivansRequest.messageId(),
                buttons(ivansRequest).get(0).path("callback_data").asString());

        eventually(() -> assertThat(booking(id).path("status").asString()).isEqualTo("APPROVED"));
        eventually(() -> assertThat(booking(id).path("calendarEventId").asString()).isNotEmpty());
        JsonNode history = booking(id).path("history");
        assertThat(history.findValuesAsString("to")).containsExactly("DRAFT", "PENDING", "APPROVED");
        String approver = history.get(2).path("actor").asString();
        assertThat(approver).isIn("Olga", "Ivan");
        eventually(() -> assertThat(texts(guest)).filteredOn(t -> t.contains("is confirmed")).hasSize(1));
        assertThat(texts(guest)).filteredOn(t -> t.contains("is confirmed")).first().asString()
                .contains("Пушкин").contains("Терраса 5").contains("Борщ × 2");
        TgUser loser = approver.equals("Olga") ? ivan : olga;
        eventually(() -> assertThat(texts(loser)).anyMatch(t -> t.contains("уже подтверждено: " + approver)
                || t.contains("подтвердил(а) " + approver)));
        List<CalendarEvent> events = Sandboxes.google().events(calendarEmail, "primary").stream()
                .filter(e -> !e.cancelled()).toList();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).summary()).contains("Терраса 5").contains(code);

        Api.Response rejected = tenant.api().post("/api/v1/bookings/" + id + "/reject", Map.of("reason", "kitchen closed"));
        assertThat(rejected.text("status")).isEqualTo("REJECTED");
        eventually(() -> assertThat(Sandboxes.google().events(calendarEmail, "primary")).allMatch(CalendarEvent::cancelled));
        eventually(() -> assertThat(texts(guest)).anyMatch(t -> t.contains("could not be confirmed") && t.contains("kitchen closed")));
        assertThat(tenant.api().post("/api/v1/bookings/" + id + "/approve", null).status()).isEqualTo(409);
    }

    @Test
    void unknownGuessedRepeatedAndForgedAttemptsChangeNothing() {
        Api.Response created = tenant.api().post("/api/v1/bookings", Map.of("venueId", venueId,
                "startsAt", "2030-04-01T20:00:00+03:00", "partySize", 2));
        String code = created.text("code");
        String id = created.text("id");
        TgUser guest = telegram.user(7_300_000_001L + System.nanoTime() % 100000, "Guest", "guest_sec", "en");
        TgUser stranger = telegram.user(7_400_000_001L + System.nanoTime() % 100000, "Mallory", "mallory", "en");

        try (LogCapture logs = LogCapture.open()) {
            telegram.injectText(bot.token(), stranger, "/start BOOKING_ZZZZZZZZZZ");
            String guessed = code.substring(0, 9) + (code.charAt(9) == '0' ? '1' : '0');
            telegram.injectText(bot.token(), stranger, "/start BOOKING_" + guessed);
            eventually(() -> assertThat(texts(stranger)).filteredOn(t -> t.contains("could not find this booking")).hasSize(2));
            assertThat(booking(id).path("status").asString()).isEqualTo("DRAFT");

            telegram.injectText(bot.token(), guest, "/start BOOKING_" + code);
            eventually(() -> assertThat(booking(id).path("status").asString()).isEqualTo("PENDING"));
            telegram.injectText(bot.token(), stranger, "/start BOOKING_" + code);
            eventually(() -> assertThat(texts(stranger)).anyMatch(t -> t.contains("already confirmed from another chat")));
            assertThat(booking(id).path("client").path("telegramChatId").asString()).isEqualTo(Long.toString(guest.id()));

            SentMessage request = eventuallyRequestTo(olga);
            String approve = buttons(request).get(0).path("callback_data").asString();
            telegram.injectCallback(bot.token(), stranger, request.messageId(), approve);
            eventually(() -> assertThat(texts(stranger)).anyMatch(t -> t.contains("Only the venue's managers")
                    || t.contains("Отвечать на заявки могут только менеджеры")));
            String altered = approve.substring(0, approve.length() - 1) + (approve.endsWith("A") ? "B" : "A");
            telegram.injectCallback(bot.token(), olga, request.messageId(), altered);
            String forged = "bk1." + code + ".a.AAAAAAAAAAAAAAAA";
            telegram.injectCallback(bot.token(), olga, request.messageId(), forged);
            eventually(() -> assertThat(logs.linesContaining("booking flow refused")).hasSizeGreaterThanOrEqualTo(6));
            assertThat(booking(id).path("status").asString()).isEqualTo("PENDING");
            assertThat(booking(id).path("history").findValuesAsString("to")).containsExactly("DRAFT", "PENDING");
        }
    }

    @Test
    void aBookingLeftPendingRemindsTheManagersOnce() throws Exception {
        String code = tenant.api().post("/api/v1/bookings", Map.of("venueId", venueId,
                "startsAt", "2030-05-01T18:00:00+03:00", "partySize", 3)).text("code");
        TgUser guest = telegram.user(7_500_000_001L + System.nanoTime() % 100000, "Late", "late", "en");
        telegram.injectText(bot.token(), guest, "/start BOOKING_" + code);

        eventually(() -> assertThat(texts(ivan)).anyMatch(t -> t.contains("Напоминание") && t.contains(code)));
        Thread.sleep(3000);
        assertThat(texts(ivan)).filteredOn(t -> t.contains("Напоминание") && t.contains(code)).hasSize(1);
        assertThat(texts(olga)).filteredOn(t -> t.contains("Напоминание") && t.contains(code)).hasSize(1);
    }

    private SentMessage eventuallyRequestTo(TgUser manager) {
        eventually(() -> assertThat(telegram.sentMessages(bot.token(), manager.id()))
                .anyMatch(m -> m.text() != null && m.text().startsWith("Новая заявка")));
        List<SentMessage> requests = telegram.sentMessages(bot.token(), manager.id()).stream()
                .filter(m -> m.text() != null && m.text().startsWith("Новая заявка")).toList();
        return requests.get(requests.size() - 1);
    }

    private static List<JsonNode> buttons(SentMessage message) {
        JsonNode keyboard = JSON.readTree(message.replyMarkup()).path("inline_keyboard");
        return keyboard.valueStream().flatMap(JsonNode::valueStream).toList();
    }

    private List<String> texts(TgUser user) {
        return telegram.sentMessages(bot.token(), user.id()).stream().map(SentMessage::text).toList();
    }

    private JsonNode booking(String id) {
        return tenant.api().get("/api/v1/bookings/" + id).json();
    }
}
