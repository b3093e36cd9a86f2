package dev.switchboard.core.lifecycle;

import java.time.Duration;
import java.util.Optional;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * A clustered Quartz job that records its runs, and skips a run that would follow the previous
 * one within half its period, or within 10 s (several nodes starting at once each fire the
 * start-up run).
 * A run asked for by an operator ({@code force}) always runs.
 */
@DisallowConcurrentExecution
abstract class GuardedJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(GuardedJob.class);
    static final String FORCE = "force";
    private static final Duration MAX_GAP = Duration.ofSeconds(10);

    private final JobRuns runs;

    GuardedJob(JobRuns runs) {
        this.runs = runs;
    }

    abstract String name();

    abstract Duration period();

    abstract String run();

    @Override
    protected void executeInternal(JobExecutionContext context) {
        boolean forced = context.getMergedJobDataMap().getBooleanValue(FORCE);
        Duration gap = forced ? Duration.ZERO : min(MAX_GAP, period().dividedBy(2));
        Optional<Long> run = runs.start(name(), gap);
        if (run.isEmpty()) {
            log.debug("job {} skipped: it ran less than {} ago", name(), gap);
            return;
        }
        long started = System.nanoTime();
        String summary;
        try {
            summary = run();
        } catch (RuntimeException e) {
            summary = "failed: " + e;
            log.warn("job {} failed", name(), e);
        }
        runs.finish(run.get(), summary);
        log.info("job {} done in {} ms: {}", name(), (System.nanoTime() - started) / 1_000_000, summary);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
