package dev.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** {@code wrk} posting distinct Telegram updates to many webhooks ({@code bench/wrk/telegram-updates.lua}). */
final class Wrk {

    /** One run: requests/s counts only 200s; latencies in milliseconds. */
    record Result(int connections, long requests, long ok, long rejected, long errors, double seconds,
                  double p50, double p99, double p999) {
        double okPerSecond() {
            return ok / seconds;
        }
    }

    private final Path script;

    Wrk(Options options) {
        this.script = options.benchDir().resolve("wrk/telegram-updates.lua");
    }

    /** Posts for {@code seconds} over {@code connections} connections to the bots listed in {@code targets}. */
    Result run(String baseUrl, Path targets, String runTag, long firstUpdateId, int connections, int seconds)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s",
                "--timeout", "10s", "-s", script.toString(), baseUrl)).redirectErrorStream(true);
        builder.environment().put("TARGETS", targets.toString());
        builder.environment().put("RUN", runTag);
        builder.environment().put("BASE", Long.toString(firstUpdateId));
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        int at = out.indexOf("RESULT ");
        if (at < 0) {
            throw new IllegalStateException("wrk printed no result:\n" + out);
        }
        JsonNode r = Api.JSON.readTree(out.substring(at + 7).trim());
        long errors = r.path("connectErrors").asLong() + r.path("readErrors").asLong() + r.path("writeErrors").asLong()
                + r.path("timeouts").asLong();
        return new Result(connections, r.path("requests").asLong(), r.path("ok").asLong(), r.path("rejected").asLong(),
                errors, r.path("durationMicros").asLong() / 1e6, r.path("p50").asLong() / 1000.0,
                r.path("p99").asLong() / 1000.0, r.path("p999").asLong() / 1000.0);
    }

    /** The targets file the script reads: {@code <path> <secret> <first chat> <chats>} per bot. */
    static Path targets(List<Provisioner.ConnectedBot> bots, long firstChat, int chatsPerBot) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < bots.size(); i++) {
            Provisioner.ConnectedBot bot = bots.get(i);
            lines.append(bot.webhookPath()).append(' ').append(bot.secret()).append(' ')
                    .append(firstChat + (long) i * chatsPerBot).append(' ').append(chatsPerBot).append('\n');
        }
        Path file = Files.createTempFile("bench-targets-", ".txt");
        Files.writeString(file, lines);
        file.toFile().deleteOnExit();
        return file;
    }
}
