package dev.switchboard.core.lifecycle;

import dev.switchboard.core.config.SwitchboardProperties;
import java.time.Duration;

/** At start-up and every 30 minutes: every active integration's remote registration made right again. */
class ReconcileJob extends GuardedJob {

    static final String NAME = "reconcile";

    private final IntegrationLifecycle lifecycle;
    private final Duration period;

    ReconcileJob(JobRuns runs, IntegrationLifecycle lifecycle, SwitchboardProperties properties) {
        super(runs);
        this.lifecycle = lifecycle;
        this.period = properties.jobs().reconcileInterval();
    }

    @Override
    String name() {
        return NAME;
    }

    @Override
    Duration period() {
        return period;
    }

    @Override
    String run() {
        return lifecycle.reconcileAll().toString();
    }
}
