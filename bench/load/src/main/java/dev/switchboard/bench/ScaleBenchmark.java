package dev.switchboard.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Scale: 10,000 active Telegram integrations across 100 tenants, the emulator answering every
 * Bot API call after 20 ms. Switchboard is restarted and measured: time to ready, the start-up
 * reconcile (every bot's webhook checked and repaired), heap after a full GC, and idle CPU.
 */
final class ScaleBenchmark {

    /** Starts a fresh server process on the same database. */
    interface Restart {
        SwitchboardProcess start() throws Exception;
    }

    private static final Duration IDLE_WINDOW = Duration.ofSeconds(30);

    private final Run run;

    ScaleBenchmark(Run run) {
        this.run = run;
    }

    void execute(Restart restart) throws Exception {
        Options options = run.options();
        long existing = run.db().single("SELECT count(*) FROM ops.integrations WHERE status = 'active'");
        int toAdd = (int) Math.max(0, options.scaleIntegrations() - existing);
        Instant provisioning = Instant.now();
        run.provisioner().connect("scale", options.scaleTenants(), toAdd, "none");
        Duration provisioned = Duration.between(provisioning, Instant.now());
        long active = run.db().single("SELECT count(*) FROM ops.integrations WHERE status = 'active'");
        long tenants = run.db().single("SELECT count(DISTINCT tenant) FROM ops.integrations");
        run.server().close();

        run.telegram().latency(Duration.ofMillis(20));
        Instant restarted = Instant.now();
        try (SwitchboardProcess server = restart.start()) {
            Duration ready = Duration.between(restarted, Instant.now());
            Instant reconcileDeadline = Instant.now().plus(Duration.ofMinutes(10));
            while (!run.db().reconcileFinishedSince(restarted) && Instant.now().isBefore(reconcileDeadline)) {
                Pause.millis(500);
            }
            double reconcile = run.db().lastReconcileSeconds();
            Duration reconciledAfter = Duration.between(restarted, Instant.now());
            long heap = server.heapAfterGcMb();
            Duration cpuBefore = server.cpuTime();
            Pause.millis(IDLE_WINDOW.toMillis());
            double idleCpu = (server.cpuTime().minus(cpuBefore)).toMillis() / (double) IDLE_WINDOW.toMillis();

            run.report().section("Scale (" + active + " active integrations, " + tenants + " tenants, emulator latency"
                    + " 20 ms)");
            run.report().table(List.of("provisioning " + toAdd + " via the API", "restart to ready", "start-up reconcile",
                    "reconcile done after restart", "heap after full GC", "idle CPU (30 s)"), List.of(List.of(
                    Report.f1(provisioned.toMillis() / 1000.0) + " s", Report.f1(ready.toMillis() / 1000.0) + " s",
                    Report.f1(reconcile) + " s", Report.f1(reconciledAfter.toMillis() / 1000.0) + " s", heap + " MB",
                    Report.f1(idleCpu * 100) + " % of a core")));
        } finally {
            run.telegram().latency(Duration.ZERO);
        }
    }
}
