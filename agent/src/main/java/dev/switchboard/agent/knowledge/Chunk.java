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
        return label(title, heading) + '\n' + text;
    }

    /** "Title — Section > Subsection"; a section path that starts with the title (its H1) does not repeat it. */
    static String label(String title, String heading) {
        if (heading == null || heading.equalsIgnoreCase(title)) {
            return title;
        }
        String prefix = title + " > ";
        String section = heading.regionMatches(true, 0, prefix, 0, prefix.length()) ? heading.substring(prefix.length())
                : heading;
        return title + " — " + section;
    }
}
