package dev.switchboard.agent.knowledge;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a document's content is written: Markdown (sections from its headings) or plain text. */
public enum DocumentFormat {
    MARKDOWN, TEXT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DocumentFormat> fromWire(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName().equals(name)).findFirst();
    }
}
