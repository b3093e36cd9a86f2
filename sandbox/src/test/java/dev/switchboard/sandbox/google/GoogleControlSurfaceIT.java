package dev.switchboard.sandbox.google;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.sandbox.http.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The HTTP control surface under /_sandbox/google. */
class GoogleControlSurfaceIT extends GoogleITBase {

    private GoogleHttp.Reply control(String method, String path, String body) {
        return http.send(HttpRequest.newBuilder(URI.create(google.baseUrl() + "/_sandbox/google" + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void seedChangeAndInspectOverHttp() {
        assertThat(control("POST", "/reset", null).status()).isEqualTo(200);
        assertThat(control("POST", "/clients", "{\"client_id\": \"" + CLIENT_ID + "\", \"client_secret\": \""
                + CLIENT_SECRET + "\", \"redirect_uris\": [\"" + REDIRECT_URI + "\"]}").status()).isEqualTo(200);
        assertThat(control("POST", "/accounts", "{\"email\": \"carol@example.com\", \"time_zone\": \"Europe/Paris\"}")
                .status()).isEqualTo(200);
        String token = annToken();

        JsonNode created = control("POST", "/accounts/carol@example.com/calendars/primary/events",
                "{\"summary\": \"Lunch\", \"start\": \"2025-03-01T12:00:00Z\", \"end\": \"2025-03-01T13:00:00Z\"}")
                .json();
        assertThat(created.path("summary").asString()).isEqualTo("Lunch");
        String eventId = created.path("id").asString();
        JsonNode listed = http.get(token, "calendars/primary/events").json();
        assertThat(listed.path("items").path(0).path("start").path("dateTime").asString())
                .isEqualTo("2025-03-01T13:00:00+01:00");

        control("PATCH", "/accounts/carol@example.com/calendars/primary/events/" + eventId,
                "{\"summary\": \"Long lunch\"}");
        assertThat(google.events("carol@example.com", "primary").get(0).summary()).isEqualTo("Long lunch");
        control("DELETE", "/accounts/carol@example.com/calendars/primary/events/" + eventId, null);
        assertThat(google.events("carol@example.com", "primary").get(0).cancelled()).isTrue();

        assertThat(control("POST", "/faults", "{\"key\": \"events.list\", \"fault\": \"backend_error\"}").status())
                .isEqualTo(200);
        assertThat(http.get(token, "calendars/primary/events").status()).isEqualTo(500);

        JsonNode requests = control("GET", "/requests", null).json();
        assertThat(requests.size()).isGreaterThanOrEqualTo(3);
        assertThat(Json.write(requests)).doesNotContain(token);
        assertThat(requests.path(requests.size() - 1).path("api_method").asString()).isEqualTo("calendar.events.list");

        assertThat(control("POST", "/accounts/carol@example.com/revoke", null).json()
                .path("revoked_refresh_tokens").asInt()).isZero();
        assertThat(http.get(token, "calendars/primary/events").status()).isEqualTo(401);
        assertThat(control("GET", "/nothing-here", null).status()).isEqualTo(404);
        assertThat(control("POST", "/faults", "{\"fault\": \"meteor\"}").status()).isEqualTo(400);
    }
}
