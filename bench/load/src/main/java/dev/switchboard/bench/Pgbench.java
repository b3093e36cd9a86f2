package dev.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ceiling, measured in the same run: pgbench inserting one ~1.4 KB jsonb row per transaction
 * with a unique key (ON CONFLICT DO NOTHING), the script of {@code limits.md}, as the
 * {@code postgres} user on the same cluster.
 */
final class Pgbench {

    record Result(int clients, double tps, double latencyMillis) {
    }

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

    private final Options options;
    private final Path script;
    private final Path schema;

    Pgbench(Options options) throws IOException, InterruptedException {
        this.options = options;
        // the postgres user must be able to read them
        Path dir = Files.createTempDirectory("bench-pgbench-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        this.script = Files.copy(options.benchDir().resolve("ceiling/insert1.sql"), dir.resolve("insert1.sql"));
        this.schema = Files.copy(options.benchDir().resolve("ceiling/schema.sql"), dir.resolve("schema.sql"));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(schema, PosixFilePermissions.fromString("rw-r--r--"));
        asPostgres("psql -q -p " + options.pgPort() + " -d " + options.pgbenchDb() + " -f " + schema);
    }

    Result run(int clients, int seconds) throws IOException, InterruptedException {
        asPostgres("psql -q -p " + options.pgPort() + " -d " + options.pgbenchDb()
                + " -c 'TRUNCATE webhook_inbox RESTART IDENTITY' -c CHECKPOINT");
        String out = asPostgres("pgbench -n -M prepared -f " + script + " -c " + clients + " -j " + Math.min(2, clients)
                + " -T " + seconds + " -p " + options.pgPort() + " " + options.pgbenchDb());
        Matcher tps = TPS.matcher(out);
        Matcher latency = LATENCY.matcher(out);
        if (!tps.find() || !latency.find()) {
            throw new IllegalStateException("pgbench printed no result:\n" + out);
        }
        return new Result(clients, Double.parseDouble(tps.group(1)), Double.parseDouble(latency.group(1)));
    }

    private static String asPostgres(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("su", "postgres", "-c", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command + " failed:\n" + out);
        }
        return out;
    }
}
