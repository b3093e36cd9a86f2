package dev.switchboard.bench;

import dev.switchboard.sandbox.telegram.TelegramEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The benchmark driver: starts the Telegram emulator in this process and Switchboard as a child
 * process on an external PostgreSQL, then runs the benchmarks named by {@code --scenarios} in
 * the order ingest, e2e, peer, scale, and writes the report. See {@code bench/README.md}.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Report report = new Report(options);
        Path logs = Files.createDirectories(options.out().resolve("logs"));
        String adminToken = "bench-admin-" + UUID.randomUUID();
        try (TelegramEmulator telegram = TelegramEmulator.start()) {
            telegram.allowInsecureWebhooks(true);
            Map<String, String> env = Map.of(
                    "SWITCHBOARD_DB_URL", options.pgUrl(),
                    "SWITCHBOARD_DB_USER", options.pgUser(),
                    "SWITCHBOARD_DB_PASSWORD", options.pgPassword(),
                    "SWITCHBOARD_ADMIN_TOKEN", adminToken,
                    "SWITCHBOARD_DATA_DIR", Files.createDirectories(options.out().resolve("data")).toString(),
                    "SWITCHBOARD_TELEGRAM_API_URL", telegram.baseUrl());
            Path serverLog = logs.resolve("switchboard-" + options.jdkLabel().replace(' ', '-') + ".log");
            SwitchboardProcess server = SwitchboardProcess.start(options, env, serverLog);
            report.line("Switchboard ready in " + Report.f1(server.startedIn().toMillis() / 1000.0) + " s (empty database).");
            Run run = new Run(options, telegram, server, adminToken, new Database(options), report, logs);
            List<String> scenarios = options.scenarios();
            List<Provisioner.ConnectedBot> e2eBots = null;
            try {
                if (scenarios.contains("ingest")) {
                    new IngestBenchmark(run).execute();
                }
                if (scenarios.contains("e2e") || scenarios.contains("peer")) {
                    e2eBots = new EndToEndBenchmark(run).execute();
                }
                if (scenarios.contains("peer")) {
                    new PeerBenchmark(run).execute(e2eBots);
                }
                if (scenarios.contains("scale")) {
                    new ScaleBenchmark(run).execute(() -> SwitchboardProcess.start(options, env, serverLog));
                }
            } finally {
                server.close();
                report.write();
            }
        }
    }
}
