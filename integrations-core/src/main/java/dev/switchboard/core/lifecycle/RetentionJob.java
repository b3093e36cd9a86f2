package dev.switchboard.core.lifecycle;

import dev.switchboard.core.config.SwitchboardProperties;
import dev.switchboard.core.retention.Retention;
import java.time.Duration;

/** Nightly: every tenant's messages older than its retention period are removed. */
class RetentionJob extends GuardedJob {

    static final String NAME = "retention";

    private final Retention retention;
    private final Duration period;

    RetentionJob(JobRuns runs, Retention retention, SwitchboardProperties properties) {
        super(runs);
        this.retention = retention;
        this.period = properties.jobs().retentionInterval();
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
        return retention.applyAll() + " messages past retention removed";
    }
}
