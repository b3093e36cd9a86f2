package dev.switchboard.sandbox.google;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Armed faults; the first armed fault matching a call fires and counts down. Keys: {@code "*"}
 * (any Calendar call), an API method ({@code events.list} or {@code calendar.events.list},
 * {@code oauth.token}, ...), a path prefix ({@code /calendar/v3/freeBusy}) or a method and path
 * prefix ({@code POST /token}). Thread-safe.
 */
final class FaultBook {

    private static final class Armed {
        final String key;
        final Fault fault;
        int remaining;

        Armed(String key, Fault fault, int remaining) {
            this.key = key;
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private final List<Armed> armed = new ArrayList<>();

    synchronized void arm(String key, Fault fault, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a fault needs a key: \"*\", an API method or a path");
        }
        armed.add(new Armed(key.trim(), fault, times));
    }

    synchronized Optional<Fault> take(String apiMethod, String httpMethod, String path) {
        for (Iterator<Armed> it = armed.iterator(); it.hasNext(); ) {
            Armed candidate = it.next();
            if (matches(candidate.key, apiMethod, httpMethod, path)) {
                if (--candidate.remaining == 0) {
                    it.remove();
                }
                return Optional.of(candidate.fault);
            }
        }
        return Optional.empty();
    }

    synchronized void clear() {
        armed.clear();
    }

    static boolean matches(String key, String apiMethod, String httpMethod, String path) {
        if (key.equals("*")) {
            return apiMethod.startsWith("calendar.");
        }
        if (key.startsWith("/")) {
            return path.startsWith(key);
        }
        int space = key.indexOf(' ');
        if (space > 0 && key.substring(space + 1).startsWith("/")) {
            return key.substring(0, space).equalsIgnoreCase(httpMethod) && path.startsWith(key.substring(space + 1));
        }
        String wanted = key.toLowerCase(Locale.ROOT);
        String actual = apiMethod.toLowerCase(Locale.ROOT);
        return actual.equals(wanted) || actual.equals("calendar." + wanted);
    }
}
