package dev.switchboard.core.conversation;

import java.util.Locale;

/** Outbound: queued → sending → sent → delivered → read, or failed. Inbound messages are received. */
public enum MessageStatus {
    RECEIVED, QUEUED, SENDING, SENT, DELIVERED, READ, FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MessageStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** Nothing more will happen to the message on our side. */
    public boolean settled() {
        return this == SENT || this == DELIVERED || this == READ || this == FAILED;
    }
}
