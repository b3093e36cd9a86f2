package dev.switchboard.core.lifecycle;

import dev.switchboard.core.config.SwitchboardProperties;
import java.time.Duration;

/** Hourly: every integration's credentials and remote side probed; broken ones reported, healed ones restored. */
class HealthCheckJob extends GuardedJob {

    static final String NAME = "health-check";

    private final IntegrationLifecycle lifecycle;
    private final Duration period;

    HealthCheckJob(JobRuns runs, IntegrationLifecycle lifecycle, SwitchboardProperties properties) {
        super(runs);
        this.lifecycle = lifecycle;
        this.period = properties.jobs().healthInterval();
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
        return lifecycle.checkAll().toString();
    }
}
