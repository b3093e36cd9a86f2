package dev.switchboard.agent.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a document into passages small enough for the embedding model (all-MiniLM-L6-v2 was
 * trained on sequences of 128 word pieces) and for a chat answer. Markdown is cut at its
 * headings first, so a passage never spans two sections and knows its section path; inside a
 * section, paragraphs are packed up to {@code maxChars}; a longer paragraph is cut between
 * sentences, a longer sentence between words. Consecutive passages of one section share their
 * boundary sentence when it is short, so a fact that straddles the cut is found from both sides.
 */
final class Chunker {

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~).*");
    private static final Pattern BLOCK_LINE = Pattern.compile("^\\s*([-*+]\\s|\\d+[.)]\\s|\\||>).*");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+");

    private final int maxChars;
    private final int overlapChars;

    Chunker(int maxChars, int overlapChars) {
        if (maxChars < 100 || overlapChars < 0 || overlapChars >= maxChars / 2) {
            throw new IllegalArgumentException("chunk size must be >= 100 and overlap below half of it");
        }
        this.maxChars = maxChars;
        this.overlapChars = overlapChars;
    }

    List<Chunk> chunk(String content, DocumentFormat format) {
        List<Section> sections = format == DocumentFormat.MARKDOWN ? markdownSections(content)
                : List.of(new Section(null, paragraphs(content.lines().toList(), false)));
        List<Chunk> chunks = new ArrayList<>();
        for (Section section : sections) {
            for (String text : pack(section.paragraphs())) {
                chunks.add(new Chunk(chunks.size(), section.path(), text));
            }
        }
        return chunks;
    }

    private record Section(String path, List<String> paragraphs) {
    }

    private List<Section> markdownSections(String content) {
        List<Section> sections = new ArrayList<>();
        String[] path = new String[6];
        List<String> lines = new ArrayList<>();
        boolean fenced = false;
        for (String line : content.lines().toList()) {
            if (FENCE.matcher(line).matches()) {
                fenced = !fenced;
            }
            Matcher heading = fenced ? null : HEADING.matcher(line);
            if (heading != null && heading.matches()) {
                addSection(sections, path, lines);
                lines = new ArrayList<>();
                int level = heading.group(1).length();
                path[level - 1] = heading.group(2);
                for (int deeper = level; deeper < path.length; deeper++) {
                    path[deeper] = null;
                }
            } else {
                lines.add(line);
            }
        }
        addSection(sections, path, lines);
        return sections;
    }

    private static void addSection(List<Section> sections, String[] path, List<String> lines) {
        List<String> paragraphs = paragraphs(lines, true);
        if (!paragraphs.isEmpty()) {
            sections.add(new Section(pathOf(path), paragraphs));
        }
    }

    private static String pathOf(String[] path) {
        List<String> parts = new ArrayList<>();
        for (String part : path) {
            if (part != null && !part.isBlank()) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? null : String.join(" > ", parts);
    }

    /** Blank lines separate paragraphs; soft-wrapped lines are joined, list items and table rows kept apart. */
    private static List<String> paragraphs(List<String> lines, boolean markdown) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                flush(paragraphs, current);
                continue;
            }
            if (!current.isEmpty()) {
                current.append(markdown && BLOCK_LINE.matcher(line).matches() ? "\n" : " ");
            }
            current.append(line);
        }
        flush(paragraphs, current);
        return paragraphs;
    }

    private static void flush(List<String> paragraphs, StringBuilder current) {
        if (!current.isEmpty()) {
            paragraphs.add(current.toString());
            current.setLength(0);
        }
    }

    /** A piece of a section: a whole paragraph, or a sentence (or run of words) of a long one. */
    private record Unit(String text, boolean startsParagraph) {
    }

    /** Packs a section's paragraphs (cut into sentences and words where they are too long) into passages. */
    private List<String> pack(List<String> paragraphs) {
        List<String> passages = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Unit last = null;
        for (Unit unit : units(paragraphs)) {
            if (!current.isEmpty() && current.length() + 2 + unit.text().length() > maxChars) {
                passages.add(current.toString());
                current.setLength(0);
                boolean overlap = last != null && !unit.startsParagraph() && last.text().length() <= overlapChars
                        && last.text().length() + 1 + unit.text().length() <= maxChars;
                if (overlap) {
                    current.append(last.text());
                }
            }
            if (!current.isEmpty()) {
                current.append(unit.startsParagraph() ? "\n\n" : " ");
            }
            current.append(unit.text());
            last = unit;
        }
        if (!current.isEmpty()) {
            passages.add(current.toString());
        }
        return passages;
    }

    private List<Unit> units(List<String> paragraphs) {
        List<Unit> units = new ArrayList<>();
        for (String paragraph : paragraphs) {
            if (paragraph.length() <= maxChars) {
                units.add(new Unit(paragraph, true));
                continue;
            }
            boolean first = true;
            for (String sentence : SENTENCE_END.split(paragraph)) {
                for (String piece : words(sentence)) {
                    units.add(new Unit(piece, first));
                    first = false;
                }
            }
        }
        return units;
    }

    /** A sentence longer than a passage is cut between words (a word longer than that, mid-word). */
    private List<String> words(String sentence) {
        if (sentence.length() <= maxChars) {
            return List.of(sentence);
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (String word : sentence.split("\\s+")) {
            while (word.length() > maxChars) {
                flush(pieces, piece);
                pieces.add(word.substring(0, maxChars));
                word = word.substring(maxChars);
            }
            if (!piece.isEmpty() && piece.length() + 1 + word.length() > maxChars) {
                flush(pieces, piece);
            }
            if (!piece.isEmpty()) {
                piece.append(' ');
            }
            piece.append(word);
        }
        flush(pieces, piece);
        return pieces;
    }
}
