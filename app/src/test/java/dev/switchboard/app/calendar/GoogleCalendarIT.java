package dev.switchboard.app.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.support.Api;
import dev.switchboard.app.support.Sandboxes;
import dev.switchboard.app.telegram.TelegramIT;
import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantRef;
import dev.switchboard.sandbox.google.Channel;
import dev.switchboard.sandbox.google.GoogleEmulator;
import dev.switchboard.sandbox.telegram.SentMessage;
import dev.switchboard.sandbox.telegram.TgUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** A tenant's own Google Calendar: the OAuth flow driven like a browser, tokens, events, free/busy, push and sync. */
class GoogleCalendarIT extends TelegramIT {

    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final GoogleEmulator google = Sandboxes.google();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @BeforeEach
    void registerClient() {
        google.registerClient(GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET, baseUrl() + "/oauth/google/callback");
    }

    record Connected(TestTenant tenant, String integrationId, String email) {
    }

    @Test
    void theConnectFlowCreatesAnIntegrationWithASealedRefreshTokenAndRefusesReplays() throws Exception {
        TestTenant tenant = newTenant("gcal");
        google.account("owner@gcal.test");
        String authorizationUrl = tenant.api().post("/api/v1/integrations/google-calendar/authorize",
                Map.of("name", "Front desk calendar")).text("authorizationUrl");
        assertThat(authorizationUrl).startsWith(google.authUrl()).contains("access_type=offline").contains("prompt=consent")
                .contains("state=");

        HttpResponse<String> consent = get(authorizationUrl);
        assertThat(consent.statusCode()).isEqualTo(302);
        String callback = consent.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(baseUrl() + "/oauth/google/callback?").contains("code=");
        HttpResponse<String> back = get(callback);
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location").orElseThrow()).startsWith("/channels?connected=");

        JsonNode integration = tenant.api().get("/api/v1/integrations").json().path("items").get(0);
        assertThat(integration.path("type").asString()).isEqualTo("google_calendar");
        assertThat(integration.path("status").asString()).isEqualTo("active");
        assertThat(integration.path("settings").path("calendarSummary").asString()).isEqualTo("owner@gcal.test");
        assertThat(integration.toString()).doesNotContain("refreshToken").doesNotContain("channelToken");
        byte[] sealed = inTenant(tenant, () -> jdbc.sql("SELECT credentials FROM integration").query(byte[].class).single());
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("refreshToken");

        assertThat(get(callback).statusCode()).as("a replayed state").isEqualTo(400);
        assertThat(get(baseUrl() + "/oauth/google/callback?code=whatever&state=forged-state-value").statusCode())
                .isEqualTo(400);
        assertThat(tenant.api().get("/api/v1/integrations").json().path("total").asInt()).isEqualTo(1);
    }

    @Test
    void eventsAreIdempotentAndFreeBusyReflectsThem() throws Exception {
        Connected calendar = connect("gcal_events", "events@gcal.test");
        String path = "/api/v1/integrations/" + calendar.integrationId() + "/calendar";
        Map<String, Object> event = Map.of("key", "booking-42", "summary", "Table for 4 — Ann",
                "start", "2030-03-01T19:00:00+03:00", "end", "2030-03-01T21:00:00+03:00", "timeZone", "Europe/Moscow");

        Api.Response first = calendar.tenant().api().post(path + "/events", event);
        Api.Response retry = calendar.tenant().api().post(path + "/events", event);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.text("id")).isEqualTo(first.text("id"));
        assertThat(google.events("events@gcal.test", "primary")).filteredOn(e -> !e.cancelled()).hasSize(1);
        JsonNode busy = calendar.tenant().api().post(path + "/freebusy", Map.of("from", "2030-03-01T00:00:00Z",
                "to", "2030-03-02T00:00:00Z")).json().path("busy");
        assertThat(busy).hasSize(1);
        assertThat(Instant.parse(busy.get(0).path("start").asString())).isEqualTo(Instant.parse("2030-03-01T16:00:00Z"));
        JsonNode listed = calendar.tenant().api().get(path + "/events?from=2030-03-01T00:00:00Z&to=2030-03-02T00:00:00Z").json();
        assertThat(listed.path("items").findValuesAsString("summary")).containsExactly("Table for 4 — Ann");

        assertThat(calendar.tenant().api().delete(path + "/events/booking-42").status()).isEqualTo(204);
        assertThat(calendar.tenant().api().post(path + "/freebusy", Map.of("from", "2030-03-01T00:00:00Z",
                "to", "2030-03-02T00:00:00Z")).json().path("busy")).isEmpty();
        assertThat(calendar.tenant().api().post(path + "/freebusy", Map.of("from", "2030-03-02T00:00:00Z",
                "to", "2030-03-01T00:00:00Z")).status()).isEqualTo(400);
    }

    @Test
    void anExpiredAccessTokenIsRefreshedAndARevokedGrantTurnsTheIntegrationErrorAndNotifies() throws Exception {
        Connected calendar = connect("gcal_tokens", "tokens@gcal.test");
        Connected telegramSide = null;
        var bot = telegram.createBot("gcal_tokens_bot");
        calendar.tenant().api().post("/api/v1/integrations", Map.of("type", "telegram", "name", "alerts",
                "credentials", Map.of("botToken", bot.token()), "settings", Map.of("mode", "webhook")));
        String telegramId = calendar.tenant().api().get("/api/v1/integrations").json().path("items").valueStream()
                .filter(i -> i.path("type").asString().equals("telegram")).findFirst().orElseThrow().path("id").asString();
        TgUser manager = telegram.user(5_800_000_001L, "Mgr", "mgr_gcal", "en");
        telegram.injectText(bot.token(), manager, "hi");
        eventually(() -> assertThat(telegram.sentMessages(bot.token(), manager.id())).hasSize(1));
        calendar.tenant().api().put("/api/v1/notifications", Map.of("recipients", List.of(Map.of("integrationId", telegramId,
                "to", Long.toString(manager.id())))));
        String path = "/api/v1/integrations/" + calendar.integrationId() + "/calendar";
        String range = "?from=2030-01-01T00:00:00Z&to=2030-01-02T00:00:00Z";
        assertThat(calendar.tenant().api().get(path + "/events" + range).status()).isEqualTo(200);

        google.advanceClock(Duration.ofHours(2));
        assertThat(calendar.tenant().api().get(path + "/events" + range).status()).as("after the access token expired")
                .isEqualTo(200);

        google.revokeRefreshTokens("tokens@gcal.test");
        Api.Response refused = calendar.tenant().api().get(path + "/events" + range);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("detail").asString()).contains("reconnect");
        JsonNode integration = calendar.tenant().api().get("/api/v1/integrations/" + calendar.integrationId()).json();
        assertThat(integration.path("status").asString()).isEqualTo("error");
        assertThat(integration.path("lastError").asString()).contains("reconnect the calendar");
        eventually(() -> assertThat(telegram.sentMessages(bot.token(), manager.id())).extracting(SentMessage::text)
                .anyMatch(t -> t.contains("stopped working")));
    }

    @Test
    void changesArriveByPushAndIncrementalSyncAndChannelsAreRenewed() throws Exception {
        Connected calendar = connect("gcal_push", "push@gcal.test");
        TenantRef tenant = calendar.tenant().ref();
        google.createEventAsUser("push@gcal.test", "primary", "Staff meeting", Instant.parse("2030-05-01T09:00:00Z"),
                Instant.parse("2030-05-01T10:00:00Z"));
        eventually(() -> assertThat(synced(calendar)).contains("Staff meeting"));

        google.invalidateSyncTokens("push@gcal.test");
        google.createEventAsUser("push@gcal.test", "primary", "Inventory", Instant.parse("2030-05-02T09:00:00Z"),
                Instant.parse("2030-05-02T10:00:00Z"));
        eventually(() -> assertThat(synced(calendar)).contains("Staff meeting", "Inventory"));
        assertThat(inTenant(calendar.tenant(), () -> jdbc.sql("SELECT full_syncs FROM calendar_sync").query(Integer.class)
                .single())).isEqualTo(2);

        String before = channelId(calendar);
        admin().post("/api/v1/admin/jobs/reconcile/run", null);
        eventually(() -> assertThat(channelId(calendar)).isNotEqualTo(before));
        List<Channel> channels = google.channels("push@gcal.test");
        assertThat(channels).filteredOn(Channel::active).extracting(Channel::id).containsExactly(channelId(calendar));
        assertThat(tenant.slug()).isEqualTo(calendar.tenant().slug());
    }

    private Connected connect(String prefix, String email) throws Exception {
        TestTenant tenant = newTenant(prefix);
        // Google may shorten a channel's life: here to an hour, so the next reconcile renews it
        google.maxChannelLifetime(Duration.ofHours(1));
        google.account(email);
        String url = tenant.api().post("/api/v1/integrations/google-calendar/authorize", Map.of("name", "calendar"))
                .text("authorizationUrl");
        get(get(url).headers().firstValue("Location").orElseThrow());
        String id = tenant.api().get("/api/v1/integrations").json().path("items").get(0).path("id").asString();
        return new Connected(tenant, id, email);
    }

    private List<String> synced(Connected calendar) {
        return inTenant(calendar.tenant(), () -> jdbc.sql("SELECT summary FROM calendar_event WHERE status <> 'cancelled'")
                .query(String.class).list());
    }

    private String channelId(Connected calendar) {
        return calendar.tenant().api().get("/api/v1/integrations/" + calendar.integrationId()).json()
                .path("settings").path("channelId").asString();
    }

    private <T> T inTenant(TestTenant tenant, java.util.function.Supplier<T> work) {
        try (TenantContext.Scope scope = TenantContext.enter(tenant.ref())) {
            return tx.execute(status -> work.get());
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return BROWSER.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
