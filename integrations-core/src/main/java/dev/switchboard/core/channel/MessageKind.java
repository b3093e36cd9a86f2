package dev.switchboard.core.channel;

import java.util.Locale;

public enum MessageKind {
    TEXT, PHOTO, DOCUMENT, VOICE, AUDIO, VIDEO, LOCATION, CONTACT, BUTTON, OTHER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MessageKind fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
