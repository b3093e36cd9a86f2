package dev.switchboard.sandbox.google;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * An event's {@code recurrence} lines (RFC 5545): {@code RRULE} with FREQ DAILY, WEEKLY, MONTHLY
 * or YEARLY, INTERVAL, COUNT, UNTIL, WKST and BYDAY (plain weekdays, for DAILY and WEEKLY), plus
 * {@code EXDATE} and {@code RDATE}. Anything else is rejected loudly rather than expanded wrongly.
 * DTSTART is always the first occurrence and counts towards COUNT.
 */
final class Recurrence {

    enum Frequency { DAILY, WEEKLY, MONTHLY, YEARLY }

    /** An UNTIL, EXDATE or RDATE value: an instant (UTC or TZID), a date, or a floating local time. */
    record DateValue(Instant instant, LocalDate date, LocalDateTime floating) {

        boolean matches(LocalDateTime local, Instant at) {
            return instant != null ? instant.equals(at)
                    : date != null ? date.equals(local.toLocalDate()) : floating.equals(local);
        }

        /** UNTIL is inclusive: true once {@code local} lies after it. */
        boolean isBefore(LocalDateTime local, Instant at) {
            return instant != null ? at.isAfter(instant)
                    : date != null ? local.toLocalDate().isAfter(date) : local.isAfter(floating);
        }
    }

    record Rule(Frequency frequency, int interval, Integer count, DateValue until, List<DayOfWeek> byDay,
            DayOfWeek weekStart) {
    }

    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter BASIC_DATE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final int MAX_CANDIDATES = 400_000;

    private final List<Rule> rules;
    private final List<DateValue> exdates;
    private final List<DateValue> rdates;

    private Recurrence(List<Rule> rules, List<DateValue> exdates, List<DateValue> rdates) {
        this.rules = rules;
        this.exdates = exdates;
        this.rdates = rdates;
    }

    /** Null when the event does not recur (no or an empty {@code recurrence} array). */
    static Recurrence parse(JsonNode recurrence) {
        if (recurrence == null || recurrence.isNull() || recurrence.isMissingNode()) {
            return null;
        }
        if (!recurrence.isArray()) {
            throw invalid();
        }
        List<Rule> rules = new ArrayList<>();
        List<DateValue> exdates = new ArrayList<>();
        List<DateValue> rdates = new ArrayList<>();
        for (JsonNode line : recurrence) {
            if (!line.isString()) {
                throw invalid();
            }
            parseLine(line.stringValue().trim(), rules, exdates, rdates);
        }
        if (rules.isEmpty() && rdates.isEmpty()) {
            return null;
        }
        return new Recurrence(rules, exdates, rdates);
    }

    /**
     * Local start times of the occurrences in {@code zone}, ascending: those starting before
     * {@code limit} (null = no limit), at most {@code max}.
     */
    List<LocalDateTime> starts(LocalDateTime dtstart, ZoneId zone, Instant limit, int max) {
        Function<LocalDateTime, Instant> toInstant = local -> local.atZone(zone).toInstant();
        TreeSet<LocalDateTime> all = new TreeSet<>();
        int headroom = max + exdates.size();
        if (rules.isEmpty()) {
            all.add(dtstart);
        }
        for (Rule rule : rules) {
            all.addAll(generate(rule, dtstart, toInstant, limit, headroom));
        }
        for (DateValue rdate : rdates) {
            LocalDateTime local = rdate.floating() != null ? rdate.floating()
                    : rdate.date() != null ? rdate.date().atTime(dtstart.toLocalTime())
                    : LocalDateTime.ofInstant(rdate.instant(), zone);
            if (limit == null || toInstant.apply(local).isBefore(limit)) {
                all.add(local);
            }
        }
        all.removeIf(local -> exdates.stream().anyMatch(ex -> ex.matches(local, toInstant.apply(local))));
        List<LocalDateTime> result = new ArrayList<>(all);
        return result.size() > max ? result.subList(0, max) : result;
    }

    private static List<LocalDateTime> generate(Rule rule, LocalDateTime dtstart,
            Function<LocalDateTime, Instant> toInstant, Instant limit, int max) {
        List<LocalDateTime> out = new ArrayList<>();
        forEachCandidate(rule, dtstart.toLocalDate(), date -> {
            LocalDateTime local = date.atTime(dtstart.toLocalTime());
            Instant at = toInstant.apply(local);
            if (rule.until() != null && rule.until().isBefore(local, at) || limit != null && !at.isBefore(limit)) {
                return false;
            }
            out.add(local);
            return (rule.count() == null || out.size() < rule.count()) && out.size() < max;
        });
        return out;
    }

    private interface Sink {
        boolean accept(LocalDate date);
    }

    private static void forEachCandidate(Rule rule, LocalDate start, Sink sink) {
        if (!sink.accept(start)) {
            return;
        }
        int step = rule.interval();
        switch (rule.frequency()) {
            case DAILY -> {
                for (long k = 1; k < MAX_CANDIDATES; k++) {
                    LocalDate date = start.plusDays(k * step);
                    if ((rule.byDay().isEmpty() || rule.byDay().contains(date.getDayOfWeek())) && !sink.accept(date)) {
                        return;
                    }
                }
            }
            case WEEKLY -> weekly(rule, start, sink);
            case MONTHLY -> {
                for (long k = 1; k < MAX_CANDIDATES; k++) {
                    LocalDate date = start.plusMonths(k * step);
                    // RFC 5545: an invalid date (the 31st in a 30-day month) is skipped, not clamped.
                    if (date.getDayOfMonth() == start.getDayOfMonth() && !sink.accept(date)) {
                        return;
                    }
                }
            }
            case YEARLY -> {
                for (long k = 1; k < MAX_CANDIDATES / 100; k++) {
                    LocalDate date = start.plusYears(k * step);
                    if (date.getDayOfMonth() == start.getDayOfMonth() && !sink.accept(date)) {
                        return;
                    }
                }
            }
        }
    }

    private static void weekly(Rule rule, LocalDate start, Sink sink) {
        List<DayOfWeek> days = rule.byDay().isEmpty() ? List.of(start.getDayOfWeek()) : rule.byDay();
        List<Integer> offsets = new ArrayList<>();
        for (DayOfWeek day : days) {
            offsets.add(Math.floorMod(day.getValue() - rule.weekStart().getValue(), 7));
        }
        Collections.sort(offsets);
        int startOffset = Math.floorMod(start.getDayOfWeek().getValue() - rule.weekStart().getValue(), 7);
        LocalDate weekStart = start.minusDays(startOffset);
        for (long week = 0; week < MAX_CANDIDATES / 7; week++) {
            LocalDate base = weekStart.plusWeeks(week * rule.interval());
            for (int offset : offsets) {
                LocalDate date = base.plusDays(offset);
                if (date.isAfter(start) && !sink.accept(date)) {
                    return;
                }
            }
        }
    }

    // ---- parsing

    private static void parseLine(String line, List<Rule> rules, List<DateValue> exdates, List<DateValue> rdates) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            throw invalid();
        }
        String[] head = line.substring(0, colon).split(";");
        String name = head[0].toUpperCase(Locale.ROOT);
        String value = line.substring(colon + 1);
        switch (name) {
            case "RRULE" -> rules.add(rule(value));
            case "EXDATE" -> exdates.addAll(dateValues(head, value));
            case "RDATE" -> rdates.addAll(dateValues(head, value));
            default -> throw unsupported(name);
        }
    }

    private static Rule rule(String value) {
        Frequency frequency = null;
        int interval = 1;
        Integer count = null;
        DateValue until = null;
        List<DayOfWeek> byDay = new ArrayList<>();
        DayOfWeek weekStart = DayOfWeek.MONDAY;
        for (String part : value.split(";")) {
            int equals = part.indexOf('=');
            if (equals < 0) {
                throw invalid();
            }
            String key = part.substring(0, equals).toUpperCase(Locale.ROOT);
            String text = part.substring(equals + 1).toUpperCase(Locale.ROOT);
            switch (key) {
                case "FREQ" -> frequency = frequency(text);
                case "INTERVAL" -> interval = positive(text);
                case "COUNT" -> count = positive(text);
                case "UNTIL" -> until = dateValue(text, null);
                case "WKST" -> weekStart = day(text);
                case "BYDAY" -> {
                    for (String day : text.split(",")) {
                        byDay.add(day(day));
                    }
                }
                default -> throw unsupported("RRULE part " + key);
            }
        }
        if (frequency == null || count != null && until != null) {
            throw invalid();
        }
        if (!byDay.isEmpty() && (frequency == Frequency.MONTHLY || frequency == Frequency.YEARLY)) {
            throw unsupported("BYDAY with FREQ=" + frequency);
        }
        return new Rule(frequency, interval, count, until, List.copyOf(byDay), weekStart);
    }

    private static List<DateValue> dateValues(String[] head, String values) {
        ZoneId zone = null;
        for (int i = 1; i < head.length; i++) {
            String parameter = head[i];
            if (parameter.toUpperCase(Locale.ROOT).startsWith("TZID=")) {
                try {
                    zone = ZoneId.of(parameter.substring(5));
                } catch (DateTimeException e) {
                    throw invalid();
                }
            }
        }
        List<DateValue> parsed = new ArrayList<>();
        for (String value : values.split(",")) {
            parsed.add(dateValue(value.trim(), zone));
        }
        return parsed;
    }

    private static DateValue dateValue(String text, ZoneId zone) {
        try {
            if (text.length() == 8) {
                return new DateValue(null, LocalDate.parse(text, BASIC_DATE), null);
            }
            if (text.endsWith("Z")) {
                LocalDateTime utc = LocalDateTime.parse(text.substring(0, text.length() - 1), BASIC_DATE_TIME);
                return new DateValue(utc.toInstant(ZoneOffset.UTC), null, null);
            }
            LocalDateTime local = LocalDateTime.parse(text, BASIC_DATE_TIME);
            return zone != null ? new DateValue(local.atZone(zone).toInstant(), null, null)
                    : new DateValue(null, null, local);
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    private static Frequency frequency(String text) {
        try {
            return Frequency.valueOf(text);
        } catch (IllegalArgumentException e) {
            if (List.of("SECONDLY", "MINUTELY", "HOURLY").contains(text)) {
                throw unsupported("FREQ=" + text);
            }
            throw invalid();
        }
    }

    private static DayOfWeek day(String text) {
        return switch (text) {
            case "MO" -> DayOfWeek.MONDAY;
            case "TU" -> DayOfWeek.TUESDAY;
            case "WE" -> DayOfWeek.WEDNESDAY;
            case "TH" -> DayOfWeek.THURSDAY;
            case "FR" -> DayOfWeek.FRIDAY;
            case "SA" -> DayOfWeek.SATURDAY;
            case "SU" -> DayOfWeek.SUNDAY;
            default -> throw text.matches("[+-]?\\d+[A-Z]{2}") ? unsupported("BYDAY=" + text) : invalid();
        };
    }

    private static int positive(String text) {
        try {
            int value = Integer.parseInt(text);
            if (value < 1) {
                throw invalid();
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static ApiError invalid() {
        return ApiError.invalid("Invalid recurrence rule.", null);
    }

    /** Valid at Google, beyond this emulator: say so instead of expanding it wrongly. */
    private static ApiError unsupported(String what) {
        return ApiError.invalid("Invalid recurrence rule. (sandbox: " + what + " is not emulated)", null);
    }
}
