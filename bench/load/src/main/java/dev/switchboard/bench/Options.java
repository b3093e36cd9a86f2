package dev.switchboard.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The driver's command line: {@code --name value} pairs, every one with a default that fits
 * {@code bench/run.sh}.
 *
 * @param jar         the Switchboard jar to benchmark
 * @param serverJava  the {@code java} binary the server runs on (JDK 17 or Temurin 25)
 * @param jdkLabel    how the report names that JDK
 * @param pgUrl       JDBC URL of the (external) PostgreSQL database Switchboard uses
 * @param pgbenchDb   the database pgbench measures the ceiling in (same cluster)
 * @param pgPort      the cluster's port, for pgbench
 * @param scenarios   which benchmarks to run: ingest, e2e, scale, peer
 * @param seconds     the length of each measured run
 * @param out         where the results (Markdown and JSON) are written
 * @param benchDir    the {@code bench} folder (wrk script, ceiling SQL)
 * @param peerJar     the TelegramBots-based peer's jar
 * @param serverJvmArgs extra JVM options of the server, e.g. a JFR recording
 */
record Options(Path jar, Path serverJava, String jdkLabel, String pgUrl, String pgUser, String pgPassword,
               String pgbenchDb, int pgPort, List<String> scenarios, int seconds, Path out, Path benchDir,
               Path peerJar, int ingestBots, int e2eBots, int e2eChatsPerBot, int e2eRate, int scaleIntegrations,
               int scaleTenants, String serverJvmArgs) {

    static Options parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            given.put(args[i].substring(2), args[i + 1]);
        }
        Path bench = Path.of(given.getOrDefault("bench-dir", "bench")).toAbsolutePath();
        return new Options(
                Path.of(given.getOrDefault("jar", "app/target/switchboard.jar")).toAbsolutePath(),
                Path.of(given.getOrDefault("server-java", Path.of(System.getProperty("java.home"), "bin", "java").toString())),
                given.getOrDefault("jdk", "JDK " + Runtime.version().feature()),
                given.getOrDefault("pg-url", "jdbc:postgresql://127.0.0.1:5432/switchboard_bench"),
                given.getOrDefault("pg-user", "switchboard_bench"),
                given.getOrDefault("pg-password", "bench-password"),
                given.getOrDefault("pgbench-db", "pgbench_ceiling"),
                Integer.parseInt(given.getOrDefault("pg-port", "5432")),
                List.of(given.getOrDefault("scenarios", "ingest,e2e,peer,scale").split(",")),
                Integer.parseInt(given.getOrDefault("seconds", "20")),
                Path.of(given.getOrDefault("out", "bench/results")).toAbsolutePath(),
                bench,
                Path.of(given.getOrDefault("peer-jar", bench.resolve("peer/target/peer.jar").toString())),
                Integer.parseInt(given.getOrDefault("ingest-bots", "100")),
                Integer.parseInt(given.getOrDefault("e2e-bots", "500")),
                Integer.parseInt(given.getOrDefault("e2e-chats-per-bot", "10")),
                Integer.parseInt(given.getOrDefault("e2e-rate", "1500")),
                Integer.parseInt(given.getOrDefault("scale-integrations", "10000")),
                Integer.parseInt(given.getOrDefault("scale-tenants", "100")),
                given.getOrDefault("server-jvm-args", ""));
    }
}
