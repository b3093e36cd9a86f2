package dev.switchboard.sandbox.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.sandbox.http.Json;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EventTimeTest {

    private static EventTime parse(String json) {
        return EventTime.parse(Json.parse(json), "start");
    }

    @Test
    void dateTimesWithOffsetLocalWithTimeZoneAndDates() {
        EventTime offset = parse("{\"dateTime\": \"2025-03-01T19:00:00+03:00\"}");
        assertThat(offset.dateTime()).isEqualTo(Instant.parse("2025-03-01T16:00:00Z"));
        assertThat(offset.zone()).isEqualTo(ZoneOffset.ofHours(3));

        EventTime local = parse("{\"dateTime\": \"2025-07-01T19:00:00\", \"timeZone\": \"Europe/Berlin\"}");
        assertThat(local.dateTime()).isEqualTo(Instant.parse("2025-07-01T17:00:00Z"));
        assertThat(local.render(ZoneId.of("UTC")).path("dateTime").asString()).isEqualTo("2025-07-01T17:00:00Z");
        assertThat(local.render(ZoneId.of("Europe/Berlin")).path("dateTime").asString())
                .isEqualTo("2025-07-01T19:00:00+02:00");

        EventTime date = parse("{\"date\": \"2025-03-08\"}");
        assertThat(date.allDay()).isTrue();
        assertThat(date.instant(ZoneId.of("Europe/Moscow"))).isEqualTo(Instant.parse("2025-03-07T21:00:00Z"));
    }

    @Test
    void missingOrBrokenTimesAre400() {
        assertThatThrownBy(() -> parse("{\"dateTime\": \"2025-03-01T19:00:00\"}"))
                .hasMessage("Missing time zone definition for start time.");
        assertThatThrownBy(() -> parse("{}")).hasMessage("Missing start time.");
        assertThatThrownBy(() -> parse("{\"dateTime\": \"tomorrow\"}")).isInstanceOf(ApiError.class);
        assertThatThrownBy(() -> parse("{\"dateTime\": \"2025-03-01T19:00:00Z\", \"timeZone\": \"Mars/Olympus\"}"))
                .isInstanceOf(ApiError.class);
    }
}
