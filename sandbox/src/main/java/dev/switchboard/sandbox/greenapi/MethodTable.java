package dev.switchboard.sandbox.greenapi;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Method names (matched ignoring case, as older docs spell them {@code SendMessage}), the HTTP
 * verb each takes, and whether it lives on the media host.
 */
final class MethodTable {

    /** @param extra whether the path carries an extra segment after the token (deleteNotification's receiptId) */
    record Entry(String name, String verb, boolean media, boolean extra, GreenMethod method) {
    }

    private final Map<String, Entry> entries = new HashMap<>();

    MethodTable add(String name, String verb, GreenMethod method) {
        return put(new Entry(name, verb, false, false, method));
    }

    MethodTable addMedia(String name, String verb, GreenMethod method) {
        return put(new Entry(name, verb, true, false, method));
    }

    MethodTable addWithExtra(String name, String verb, GreenMethod method) {
        return put(new Entry(name, verb, false, true, method));
    }

    Optional<Entry> find(String name) {
        return Optional.ofNullable(entries.get(name.toLowerCase(Locale.ROOT)));
    }

    private MethodTable put(Entry entry) {
        entries.put(entry.name().toLowerCase(Locale.ROOT), entry);
        return this;
    }
}
