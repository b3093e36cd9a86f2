package dev.switchboard.core.lifecycle;

import dev.switchboard.core.config.SwitchboardProperties;
import dev.switchboard.core.outbound.SendRateLimiter;
import java.time.Duration;

/** Housekeeping: idle rate-limit buckets and old job records go. */
class MaintenanceJob extends GuardedJob {

    static final String NAME = "maintenance";
    private static final Duration KEEP_JOB_RUNS = Duration.ofDays(7);

    private final SendRateLimiter rateLimiter;
    private final JobRuns runs;
    private final Duration period;

    MaintenanceJob(JobRuns runs, SendRateLimiter rateLimiter, SwitchboardProperties properties) {
        super(runs);
        this.runs = runs;
        this.rateLimiter = rateLimiter;
        this.period = properties.jobs().maintenanceInterval();
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
        rateLimiter.removeIdle();
        return runs.forgetOlderThan(KEEP_JOB_RUNS) + " old job runs removed";
    }
}
