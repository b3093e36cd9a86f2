package dev.switchboard.sandbox.google;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** OAuth scopes Google knows, their normalisation, and which ones each Calendar method accepts. */
final class Scopes {

    static final String PREFIX = "https://www.googleapis.com/auth/";
    static final String OPENID = "openid";
    static final String EMAIL = PREFIX + "userinfo.email";
    static final String PROFILE = PREFIX + "userinfo.profile";

    private static final Set<String> CALENDAR_SCOPES = Set.of("calendar", "calendar.readonly", "calendar.events",
            "calendar.events.readonly", "calendar.events.owned", "calendar.events.owned.readonly",
            "calendar.events.freebusy", "calendar.freebusy", "calendar.events.public.readonly",
            "calendar.settings.readonly", "calendar.acls", "calendar.acls.readonly", "calendar.app.created",
            "calendar.calendarlist", "calendar.calendarlist.readonly", "calendar.calendars",
            "calendar.calendars.readonly");

    /** Scopes accepted by events.list/get/watch. */
    static final Set<String> READ_EVENTS = full("calendar", "calendar.readonly", "calendar.events",
            "calendar.events.readonly", "calendar.events.owned", "calendar.events.owned.readonly");
    /** Scopes accepted by events.insert/patch/update/delete. */
    static final Set<String> WRITE_EVENTS = full("calendar", "calendar.events", "calendar.events.owned");
    /** Scopes accepted by freebusy.query (the discovery document; calendar.events is not among them). */
    static final Set<String> FREEBUSY = full("calendar", "calendar.readonly", "calendar.freebusy",
            "calendar.events.freebusy");
    static final Set<String> CALENDAR_LIST = full("calendar", "calendar.readonly", "calendar.calendarlist",
            "calendar.calendarlist.readonly");
    static final Set<String> CALENDARS = full("calendar", "calendar.readonly", "calendar.calendars",
            "calendar.calendars.readonly", "calendar.app.created");
    /** channels.stop accepts any calendar scope. */
    static final Set<String> ANY_CALENDAR = CALENDAR_SCOPES.stream().map(name -> PREFIX + name)
            .collect(Collectors.toUnmodifiableSet());

    private Scopes() {
    }

    /**
     * Space-separated request scopes in full form: {@code email} and {@code profile} become the
     * userinfo URLs, as in Google's answers. Order kept, duplicates dropped.
     */
    static Set<String> parse(String scope) {
        Set<String> scopes = new LinkedHashSet<>();
        if (scope == null) {
            return scopes;
        }
        for (String item : scope.trim().split("[\\s+]+")) {
            if (!item.isEmpty()) {
                scopes.add(switch (item) {
                    case "email" -> EMAIL;
                    case "profile" -> PROFILE;
                    default -> item;
                });
            }
        }
        return scopes;
    }

    static boolean known(String scope) {
        if (scope.equals(OPENID) || scope.equals(EMAIL) || scope.equals(PROFILE)) {
            return true;
        }
        return scope.startsWith(PREFIX) && CALENDAR_SCOPES.contains(scope.substring(PREFIX.length()));
    }

    static String join(Set<String> scopes) {
        return String.join(" ", scopes);
    }

    static boolean anyOf(Set<String> granted, Set<String> accepted) {
        return granted.stream().anyMatch(accepted::contains);
    }

    /** openid, email and profile cannot be unticked on the consent screen. */
    static boolean alwaysGranted(String scope) {
        return List.of(OPENID, EMAIL, PROFILE).contains(scope);
    }

    private static Set<String> full(String... names) {
        return Arrays.stream(names).map(name -> PREFIX + name).collect(Collectors.toUnmodifiableSet());
    }
}
