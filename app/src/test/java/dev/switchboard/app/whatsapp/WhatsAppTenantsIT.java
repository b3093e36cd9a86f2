package dev.switchboard.app.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.support.Api;
import dev.switchboard.app.support.LogCapture;
import dev.switchboard.sandbox.greenapi.Fault;
import dev.switchboard.sandbox.greenapi.GreenCall;
import dev.switchboard.sandbox.greenapi.GreenSent;
import dev.switchboard.sandbox.twilio.TwilioMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Three businesses side by side — two on Green API, one on Twilio — and one guest writing to all
 * three: every message lands in its own tenant's schema only, every reply leaves through its own
 * tenant's credentials, and no secret of any of them reaches a log line.
 */
class WhatsAppTenantsIT extends WhatsAppIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachTenantsMessagesStayInItsSchemaAndLeaveThroughItsOwnCredentials() {
        try (LogCapture logs = LogCapture.open()) {
            GreenConnected hotel = connectGreen("wa_hotel", "webhook", "echo");
            GreenConnected restaurant = connectGreen("wa_restaurant", "webhook", "echo");
            TwilioConnected spa = connectTwilio("wa_spa", "echo");
            String guest = randomNumber("+7920");
            long a = hotel.instance().idInstance();
            long b = restaurant.instance().idInstance();

            green.injectText(a, digits(guest), "Ann", "a room for tonight?");
            green.injectText(b, digits(guest), "Ann", "a table for two?");
            twilio.injectInbound(spa.account().sid(), "whatsapp:" + guest, spa.sender(), "a massage at 5?", "Ann");

            eventually(() -> {
                assertThat(texts(hotel.api(), hotel.integrationId(), digits(guest) + "@c.us"))
                        .containsExactly("a room for tonight?", "a room for tonight?");
                assertThat(texts(restaurant.api(), restaurant.integrationId(), digits(guest) + "@c.us"))
                        .containsExactly("a table for two?", "a table for two?");
                assertThat(texts(spa.api(), spa.integrationId(), guest))
                        .containsExactly("a massage at 5?", "a massage at 5?");
            });
            assertThat(schemaTexts(hotel.tenant())).containsOnly("a room for tonight?");
            assertThat(schemaTexts(restaurant.tenant())).containsOnly("a table for two?");
            assertThat(schemaTexts(spa.tenant())).containsOnly("a massage at 5?");
            assertThat(hotel.api().get("/api/v1/integrations/" + restaurant.integrationId()).status()).isEqualTo(404);

            // an explicit send from the restaurant goes through the restaurant's instance only
            Api.Response queued = send(restaurant.api(), restaurant.integrationId(), Map.of("to", guest,
                    "text", "See you at 8"));
            eventually(() -> assertThat(message(restaurant.api(), queued).path("status").asString())
                    .isIn("sent", "delivered", "read"));
            assertThat(green.sent(a)).extracting(s -> s.body().get("message")).containsExactly("a room for tonight?");
            assertThat(green.sent(b)).extracting(s -> s.body().get("message"))
                    .containsExactlyInAnyOrder("a table for two?", "See you at 8");
            assertThat(green.sent(a)).extracting(GreenSent::chatId).containsOnly(digits(guest) + "@c.us");
            assertThat(twilio.messages(spa.account().sid())).filteredOn(m -> m.direction().equals("outbound-api"))
                    .extracting(TwilioMessage::body).containsExactly("a massage at 5?");
            // the emulators saw every call of each instance made with that instance's own token
            assertThat(green.calls(a)).isNotEmpty().extracting(GreenCall::tokenValid).containsOnly(true);
            assertThat(green.calls(b)).isNotEmpty().extracting(GreenCall::tokenValid).containsOnly(true);

            // a refused send fails with Green API's reason, and says nothing secret either
            green.armFault(a, "sendMessage", Fault.status(401), 1);
            Api.Response refused = send(hotel.api(), hotel.integrationId(), Map.of("to", guest, "text", "Checked in?"));
            eventually(() -> {
                var message = message(hotel.api(), refused);
                assertThat(message.path("status").asString()).isEqualTo("failed");
                assertThat(message.path("error").asString()).contains("apiTokenInstance");
            });

            List<String> secrets = List.of(hotel.instance().apiTokenInstance(), restaurant.instance().apiTokenInstance(),
                    (String) green.settings(a).get("webhookUrlToken"), (String) green.settings(b).get("webhookUrlToken"),
                    spa.account().authToken());
            for (String secret : secrets) {
                assertThat(logs.linesContaining(secret)).as("log lines with a secret").isEmpty();
                assertThat(hotel.api().get("/api/v1/integrations").body()).doesNotContain(secret);
                assertThat(spa.api().get("/api/v1/integrations").body()).doesNotContain(secret);
            }
        }
    }

    private List<String> texts(Api api, String integrationId, String chatId) {
        return messagesOfChat(api, integrationId, chatId).stream().map(m -> m.path("text").asString()).toList();
    }

    private List<String> schemaTexts(TestTenant tenant) {
        return jdbc.queryForList("SELECT text FROM t_" + tenant.slug() + ".message WHERE text IS NOT NULL", String.class);
    }
}
