package dev.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The run's results as Markdown, printed as they come and written to {@code <out>/<jdk>.md} at the end. */
final class Report {

    private final StringBuilder text = new StringBuilder();
    private final Path file;

    Report(Options options) throws IOException {
        Files.createDirectories(options.out());
        this.file = options.out().resolve(options.jdkLabel().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(Locale.ROOT) + ".md");
        line("# Switchboard benchmark — " + options.jdkLabel());
        line("");
        line("Run " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " CPUs; server: "
                + options.serverJava() + "; PostgreSQL: " + options.pgUrl().replaceAll("//[^/]*@", "//"));
    }

    void section(String title) {
        line("");
        line("## " + title);
        line("");
    }

    void table(List<String> header, List<List<String>> rows) {
        line("| " + String.join(" | ", header) + " |");
        line("|" + "---|".repeat(header.size()));
        rows.forEach(row -> line("| " + String.join(" | ", row) + " |"));
    }

    void line(String line) {
        System.out.println(line);
        text.append(line).append('\n');
    }

    void write() throws IOException {
        Files.writeString(file, text);
        System.out.println("\nwritten to " + file);
    }

    static String f0(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String f1(double value) {
        return String.format(Locale.ROOT, "%,.1f", value);
    }

    static String f2(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
