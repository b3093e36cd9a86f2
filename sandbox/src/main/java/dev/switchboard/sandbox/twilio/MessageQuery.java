package dev.switchboard.sandbox.twilio;

import dev.switchboard.sandbox.http.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET .../Messages.json}: newest first, filtered by To, From and DateSent ({@code DateSent},
 * {@code DateSent<}, {@code DateSent>} as sent by {@code DateSent<=}/{@code DateSent>=}; a day
 * {@code YYYY-MM-DD} or an ISO-8601 instant), paged with PageSize (default 50, max 1000), Page
 * and PageToken; next_page_uri carries the token of the last message on the page. Lock held.
 */
final class MessageQuery {

    private static final List<String> FILTERS = List.of("To", "From", "DateSent", "DateSent<", "DateSent>");

    private final TwilioState state;

    MessageQuery(TwilioState state) {
        this.state = state;
    }

    ObjectNode page(AccountData account, Map<String, String> query) {
        Predicate<MessageRecord> filter = filter(query);
        List<MessageRecord> matches = new ArrayList<>(state.messages.values().stream()
                .filter(message -> message.accountSid.equals(account.sid())).filter(filter).toList());
        matches.sort(Comparator.comparing((MessageRecord message) -> message.dateCreated)
                .thenComparingLong(message -> message.sequence).reversed());
        int pageSize = bounded(query.get("PageSize"), 50, 1, 1000);
        int page = bounded(query.get("Page"), 0, 0, Integer.MAX_VALUE);
        int start = start(matches, query.get("PageToken"), page * pageSize);
        int end = Math.min(matches.size(), start + pageSize);
        ArrayNode messages = Json.array();
        matches.subList(Math.min(start, end), end).forEach(message -> messages.add(MessageJson.resource(message)));
        String base = "/2010-04-01/Accounts/" + account.sid() + "/Messages.json";
        String filters = filterQuery(query);
        ObjectNode json = Json.object()
                .put("end", Math.max(start, end - 1))
                .put("first_page_uri", base + "?" + filters + "PageSize=" + pageSize + "&Page=0");
        json.set("messages", messages);
        json.put("next_page_uri", end < matches.size() ? base + "?" + filters + "PageSize=" + pageSize + "&Page="
                + (page + 1) + "&PageToken=PA" + matches.get(end - 1).sid : null);
        json.put("page", page).put("page_size", pageSize)
                .put("previous_page_uri", page > 0 ? base + "?" + filters + "PageSize=" + pageSize + "&Page="
                        + (page - 1) : null)
                .put("start", start)
                .put("uri", base + "?" + filters + "PageSize=" + pageSize + "&Page=" + page);
        return json;
    }

    private static int start(List<MessageRecord> matches, String pageToken, int fallback) {
        if (pageToken != null && pageToken.startsWith("PA")) {
            String after = pageToken.substring(2);
            for (int i = 0; i < matches.size(); i++) {
                if (matches.get(i).sid.equals(after)) {
                    return i + 1;
                }
            }
        }
        return fallback;
    }

    private static Predicate<MessageRecord> filter(Map<String, String> query) {
        Predicate<MessageRecord> filter = message -> true;
        String to = query.get("To");
        String from = query.get("From");
        if (to != null) {
            filter = filter.and(message -> message.to.equals(to));
        }
        if (from != null) {
            filter = filter.and(message -> message.from.equals(from));
        }
        if (query.containsKey("DateSent")) {
            Instant[] day = range(query.get("DateSent"));
            filter = filter.and(message -> sentWithin(message, day[0], day[1]));
        }
        if (query.containsKey("DateSent<")) {
            Instant[] until = range(query.get("DateSent<"));
            filter = filter.and(message -> sentWithin(message, Instant.MIN, until[1]));
        }
        if (query.containsKey("DateSent>")) {
            Instant[] since = range(query.get("DateSent>"));
            filter = filter.and(message -> sentWithin(message, since[0], Instant.MAX));
        }
        return filter;
    }

    private static boolean sentWithin(MessageRecord message, Instant from, Instant toExclusive) {
        return message.dateSent != null && !message.dateSent.isBefore(from) && message.dateSent.isBefore(toExclusive);
    }

    /** A day covers [midnight, next midnight); an instant covers [instant, instant + 1 s). */
    private static Instant[] range(String value) {
        try {
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                Instant start = LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                return new Instant[] {start, start.plusSeconds(86_400)};
            }
            Instant instant = OffsetDateTime.parse(value).toInstant();
            return new Instant[] {instant, instant.plusSeconds(1)};
        } catch (DateTimeParseException e) {
            throw TwilioException.badRequest(20001, "Invalid DateSent: " + value);
        }
    }

    private static String filterQuery(Map<String, String> query) {
        Map<String, String> kept = new LinkedHashMap<>();
        FILTERS.forEach(name -> {
            if (query.containsKey(name)) {
                kept.put(name, query.get(name));
            }
        });
        return kept.isEmpty() ? "" : TwilioForm.encode(kept) + "&";
    }

    private static int bounded(String value, int fallback, int min, int max) {
        if (value == null || !value.matches("\\d{1,9}")) {
            return fallback;
        }
        return Math.max(min, Math.min(max, Integer.parseInt(value)));
    }
}
