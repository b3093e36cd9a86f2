package dev.switchboard.sandbox.telegram;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Bot API methods by name; lookups ignore case, as Telegram's do. */
final class MethodTable {

    record Entry(String name, ApiMethod method) {
    }

    private final Map<String, Entry> byLowerCaseName = new HashMap<>();

    MethodTable add(String name, ApiMethod method) {
        byLowerCaseName.put(name.toLowerCase(Locale.ROOT), new Entry(name, method));
        return this;
    }

    Optional<Entry> find(String requested) {
        return Optional.ofNullable(byLowerCaseName.get(requested.toLowerCase(Locale.ROOT)));
    }
}
