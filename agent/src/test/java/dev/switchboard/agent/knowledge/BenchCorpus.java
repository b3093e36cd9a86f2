package dev.switchboard.agent.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Text for the benchmarks: the labelled retrieval set's documents (English and Russian, about 1 KB
 * each), found relative to the working directory, and passages recombined from their sentences.
 */
final class BenchCorpus {

    static final String SET = "app/src/test/resources/knowledge/retrieval-set";

    record Document(String title, String content) {
    }

    private BenchCorpus() {
    }

    static List<Document> documents() {
        Path dir = locate().resolve("documents");
        try (Stream<Path> files = Files.list(dir)) {
            List<Document> documents = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                String content = Files.readString(file);
                documents.add(new Document(content.lines().findFirst().orElseThrow().replaceFirst("^#\\s*", ""), content));
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> questions() {
        try {
            String json = Files.readString(locate().resolve("questions.json"));
            List<String> questions = new ArrayList<>();
            for (String line : json.lines().toList()) {
                String trimmed = line.strip();
                if (trimmed.startsWith("\"question\":")) {
                    questions.add(trimmed.substring(trimmed.indexOf(':') + 1).strip().replaceAll("^\"|\",?$", ""));
                }
            }
            return questions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code count} passages of 2–5 sentences drawn from the corpus, with a random number each (realistic terms). */
    static List<IndexedChunk> passages(int count, long seed) {
        List<String> sentences = new ArrayList<>();
        for (Document document : documents()) {
            for (String line : document.content().replace('\n', ' ').split("(?<=[.!?])\\s+")) {
                if (line.length() > 20 && !line.startsWith("#")) {
                    sentences.add(line.replaceAll("#+ [^.]*?(?=[A-ZА-Я])", "").strip());
                }
            }
        }
        Random random = new Random(seed);
        List<IndexedChunk> passages = new ArrayList<>(count);
        java.util.UUID document = java.util.UUID.randomUUID();
        for (int i = 0; i < count; i++) {
            if (i % 8 == 0) {
                document = java.util.UUID.randomUUID();
            }
            StringBuilder text = new StringBuilder();
            for (int s = 0, n = 2 + random.nextInt(4); s < n; s++) {
                text.append(sentences.get(random.nextInt(sentences.size()))).append(' ');
            }
            text.append("Code ").append(1000 + random.nextInt(9000)).append('.');
            passages.add(new IndexedChunk(document, "Document " + (i / 8), i % 8, "Section " + (i % 8), text.toString()));
        }
        return passages;
    }

    static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(SET))) {
                return dir.resolve(SET);
            }
        }
        throw new IllegalStateException("run from the repository (or a module of it): " + SET + " not found");
    }
}
