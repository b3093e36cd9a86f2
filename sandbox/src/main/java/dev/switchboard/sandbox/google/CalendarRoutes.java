package dev.switchboard.sandbox.google;

import dev.switchboard.sandbox.http.SandboxResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The Calendar API methods the emulator serves, by HTTP method and path under {@code /calendar/v3/}. */
final class CalendarRoutes {

    interface Action {
        SandboxResponse invoke(CallContext call);
    }

    /** A path pattern such as {@code calendars/{}/events/{}}; {@code {}} captures one segment. */
    record Route(String httpMethod, String pattern, String apiMethod, Set<String> scopes, Action action) {

        Optional<List<String>> match(String method, List<String> segments) {
            String[] parts = pattern.split("/");
            if (!httpMethod.equals(method) || parts.length != segments.size()) {
                return Optional.empty();
            }
            List<String> params = new ArrayList<>();
            for (int i = 0; i < parts.length; i++) {
                if (parts[i].equals("{}")) {
                    params.add(segments.get(i));
                } else if (!parts[i].equals(segments.get(i))) {
                    return Optional.empty();
                }
            }
            return Optional.of(params);
        }
    }

    record Match(Route route, List<String> params) {
    }

    private final List<Route> routes;

    CalendarRoutes(WatchMethods watch) {
        routes = List.of(
                new Route("GET", "users/me/calendarList", "calendar.calendarList.list", Scopes.CALENDAR_LIST,
                        CalendarMethods::calendarList),
                new Route("GET", "users/me/calendarList/{}", "calendar.calendarList.get", Scopes.CALENDAR_LIST,
                        CalendarMethods::calendarListEntry),
                new Route("GET", "calendars/{}", "calendar.calendars.get", Scopes.CALENDARS,
                        CalendarMethods::calendar),
                new Route("GET", "calendars/{}/events", "calendar.events.list", Scopes.READ_EVENTS,
                        EventsList::list),
                new Route("POST", "calendars/{}/events", "calendar.events.insert", Scopes.WRITE_EVENTS,
                        EventMethods::insert),
                new Route("POST", "calendars/{}/events/watch", "calendar.events.watch", Scopes.READ_EVENTS,
                        watch::watch),
                new Route("GET", "calendars/{}/events/{}/instances", "calendar.events.instances",
                        Scopes.READ_EVENTS, EventsList::instances),
                new Route("GET", "calendars/{}/events/{}", "calendar.events.get", Scopes.READ_EVENTS,
                        EventMethods::get),
                new Route("PATCH", "calendars/{}/events/{}", "calendar.events.patch", Scopes.WRITE_EVENTS,
                        EventMethods::patch),
                new Route("PUT", "calendars/{}/events/{}", "calendar.events.update", Scopes.WRITE_EVENTS,
                        EventMethods::update),
                new Route("DELETE", "calendars/{}/events/{}", "calendar.events.delete", Scopes.WRITE_EVENTS,
                        EventMethods::delete),
                new Route("POST", "freeBusy", "calendar.freebusy.query", Scopes.FREEBUSY, FreeBusyMethod::query),
                new Route("POST", "channels/stop", "calendar.channels.stop", Scopes.ANY_CALENDAR,
                        WatchMethods::stop));
    }

    Optional<Match> match(String method, List<String> segments) {
        for (Route route : routes) {
            Optional<List<String>> params = route.match(method, segments);
            if (params.isPresent()) {
                return Optional.of(new Match(route, params.get()));
            }
        }
        return Optional.empty();
    }
}
