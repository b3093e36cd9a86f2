package dev.switchboard.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Webhook ingest: distinct Telegram updates POSTed by wrk to 100 bots' webhooks (10 tenants) at
 * 16, 64 and 256 connections, each run next to pgbench's single-row insert ceiling at the same
 * concurrency; then the database is asked whether every 200 was stored, and stored once.
 */
final class IngestBenchmark {

    private static final int TENANTS = 10;
    private static final int CHATS_PER_BOT = 50;
    private static final int[] CONNECTIONS = {16, 64, 256};

    private final Run run;

    IngestBenchmark(Run run) {
        this.run = run;
    }

    void execute() throws Exception {
        Options options = run.options();
        List<Provisioner.ConnectedBot> bots = run.provisioner().connect("ingest", TENANTS, options.ingestBots(), "none");
        Path targets = Wrk.targets(bots, 7_000_000_000L, CHATS_PER_BOT);
        List<String> schemas = Database.schemas("ingest", TENANTS);
        Wrk wrk = new Wrk(options);
        Pgbench pgbench = new Pgbench(options);

        wrk.run(run.server().baseUrl(), targets, "warmup", 100_000_000L, 64, 10); // JIT and pools; not reported
        run.awaitIdleQueue();

        run.db().resetStatementStatistics();
        List<List<String>> rows = new ArrayList<>();
        long base = 200_000_000L;
        for (int connections : CONNECTIONS) {
            Pgbench.Result ceiling = pgbench.run(connections, options.seconds());
            String tag = "ingest-c" + connections;
            Wrk.Result result = wrk.run(run.server().baseUrl(), targets, tag, base, connections, options.seconds());
            base += 100_000_000L;
            long waiting = run.db().single("SELECT count(*) FROM public.inbox");
            double drained = run.awaitEmptyInbox();
            Database.Stored stored = run.db().inbound(schemas, tag);
            run.awaitIdleQueue();
            long unacknowledged = stored.messages() - result.ok();
            if (stored.messages() < result.ok() || stored.distinct() != stored.messages()) {
                throw new IllegalStateException(tag + ": " + result.ok() + " answered 200 but " + stored.messages()
                        + " stored (" + stored.distinct() + " distinct)");
            }
            System.out.printf("ingest c=%d: %.0f stored/s, p99 %.1f ms, pgbench %.0f TPS%n", connections,
                    result.okPerSecond(), result.p99(), ceiling.tps());
            rows.add(List.of(Integer.toString(connections), Report.f0(result.okPerSecond()), Report.f1(result.p50()),
                    Report.f1(result.p99()), Report.f1(result.p999()), Long.toString(result.rejected() + result.errors()),
                    Long.toString(result.ok()), Long.toString(waiting), Report.f1(drained),
                    Long.toString(stored.messages()), Long.toString(unacknowledged),
                    Report.f0(ceiling.tps()), Report.f2(result.okPerSecond() / ceiling.tps())));
        }
        run.report().section("Webhook ingest (" + options.ingestBots() + " bots, " + TENANTS + " tenants, "
                + options.seconds() + " s per run, wrk -t2)");
        run.report().table(List.of("connections", "stored webhooks/s", "p50 ms", "p99 ms", "p99.9 ms", "non-2xx + errors",
                "200s", "in the inbox at the end", "inbox drained after s", "stored", "stored but not acknowledged", "pgbench TPS", "ingest / pgbench"), rows);
        run.report().line("");
        run.report().line("");
        run.report().line("Where the database time went during these runs (pg_stat_statements, top 12):");
        run.report().line("");
        run.report().table(List.of("calls", "total ms", "mean ms", "statement"), run.db().topStatements(12));
        run.report().line("");
        run.report().line("Every 200 was stored, and stored once (stored = distinct provider ids ≥ 200s), counted once"
                + " the inbox was empty: a webhook is answered when its update is in the inbox, and the inbox mover"
                + " stores it in its tenant's schema; the inbox's rows at the end of the run and the time to empty it"
                + " show whether the mover kept up. A stored message that was not acknowledged is one whose response"
                + " wrk stopped waiting for at the end of the run.");
    }
}
