package dev.switchboard.sandbox.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.sandbox.http.Json;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecurrenceTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Recurrence parse(String... lines) {
        return Recurrence.parse(Json.MAPPER.valueToTree(List.of(lines)));
    }

    private static List<String> starts(Recurrence recurrence, String dtstart, ZoneId zone, Instant limit, int max) {
        return recurrence.starts(LocalDateTime.parse(dtstart), zone, limit, max).stream()
                .map(LocalDateTime::toString).toList();
    }

    @Test
    void dailyWithCountKeepsLocalTimeAcrossDaylightSaving() {
        Recurrence daily = parse("RRULE:FREQ=DAILY;COUNT=3");
        assertThat(starts(daily, "2025-03-29T09:00", BERLIN, null, 100))
                .containsExactly("2025-03-29T09:00", "2025-03-30T09:00", "2025-03-31T09:00");
        List<Instant> instants = daily.starts(LocalDateTime.parse("2025-03-29T09:00"), BERLIN, null, 100).stream()
                .map(local -> local.atZone(BERLIN).toInstant()).toList();
        assertThat(instants).containsExactly(Instant.parse("2025-03-29T08:00:00Z"), Instant.parse("2025-03-30T07:00:00Z"),
                Instant.parse("2025-03-31T07:00:00Z"));
    }

    @Test
    void weeklyByDayWithIntervalAndUntil() {
        Recurrence rule = parse("RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,FR;UNTIL=20250321T235959Z");
        assertThat(starts(rule, "2025-03-04T10:00", ZoneOffset.UTC, null, 100))
                .containsExactly("2025-03-04T10:00", "2025-03-07T10:00", "2025-03-18T10:00", "2025-03-21T10:00");
    }

    @Test
    void dtstartIsAlwaysTheFirstOccurrenceAndCountsTowardsCount() {
        Recurrence rule = parse("RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=2");
        assertThat(starts(rule, "2025-03-05T10:00", ZoneOffset.UTC, null, 100))
                .containsExactly("2025-03-05T10:00", "2025-03-10T10:00");
    }

    @Test
    void dailyWeekdaysAndUntilAsADate() {
        Recurrence rule = parse("RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20250310");
        assertThat(starts(rule, "2025-03-06T08:00", ZoneOffset.UTC, null, 100))
                .containsExactly("2025-03-06T08:00", "2025-03-07T08:00", "2025-03-10T08:00");
    }

    @Test
    void monthlySkipsMonthsWithoutTheDay() {
        Recurrence rule = parse("RRULE:FREQ=MONTHLY;COUNT=3");
        assertThat(starts(rule, "2025-01-31T12:00", ZoneOffset.UTC, null, 100))
                .containsExactly("2025-01-31T12:00", "2025-03-31T12:00", "2025-05-31T12:00");
    }

    @Test
    void exdateRemovesAndRdateAddsOccurrences() {
        Recurrence rule = parse("RRULE:FREQ=DAILY;COUNT=4", "EXDATE;TZID=Europe/Berlin:20250304T090000",
                "RDATE:20250310T080000Z");
        assertThat(starts(rule, "2025-03-03T09:00", BERLIN, null, 100))
                .containsExactly("2025-03-03T09:00", "2025-03-05T09:00", "2025-03-06T09:00", "2025-03-10T09:00");
    }

    @Test
    void unboundedRulesStopAtTheLimitOrTheMaximum() {
        Recurrence rule = parse("RRULE:FREQ=DAILY");
        assertThat(starts(rule, "2025-03-01T10:00", ZoneOffset.UTC, Instant.parse("2025-03-04T10:00:00Z"), 100))
                .containsExactly("2025-03-01T10:00", "2025-03-02T10:00", "2025-03-03T10:00");
        assertThat(rule.starts(LocalDateTime.parse("2025-03-01T10:00"), ZoneOffset.UTC, null, 730)).hasSize(730);
    }

    @Test
    void invalidAndUnsupportedRulesAre400() {
        assertThatThrownBy(() -> parse("RRULE:FREQ=FORTNIGHTLY")).isInstanceOf(ApiError.class)
                .hasMessage("Invalid recurrence rule.");
        assertThatThrownBy(() -> parse("RRULE:FREQ=DAILY;COUNT=2;UNTIL=20250301")).isInstanceOf(ApiError.class);
        assertThatThrownBy(() -> parse("RRULE:FREQ=MONTHLY;BYDAY=1MO")).isInstanceOf(ApiError.class)
                .hasMessageContaining("not emulated");
        assertThatThrownBy(() -> parse("RRULE:FREQ=MONTHLY;BYMONTHDAY=15")).isInstanceOf(ApiError.class)
                .hasMessageContaining("BYMONTHDAY");
        assertThat(parse()).isNull();
    }
}
