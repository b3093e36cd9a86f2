package dev.switchboard.agent.knowledge;

/**
 * One passage of a document.
 *
 * @param heading the section path it came from ("Spa > Sauna"), null when the document has none
 * @param text    the passage as a person reads it: soft line breaks joined, Markdown markers kept
 */
record Chunk(int ordinal, String heading, String text) {

    /** What is embedded and indexed: the passage in its context (document title and section). */
    static String indexedText(String title, String heading, String text) {
        StringBuilder indexed = new StringBuilder(title);
        if (heading != null && !heading.equalsIgnoreCase(title)) {
            indexed.append(" — ").append(heading);
        }
        return indexed.append('\n').append(text).toString();
    }
}
