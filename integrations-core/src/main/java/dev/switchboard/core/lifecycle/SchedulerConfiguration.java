package dev.switchboard.core.lifecycle;

import dev.switchboard.core.config.SwitchboardProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scheduled jobs, in Quartz's clustered JDBC store: each runs once across all nodes. Every
 * trigger starts now (so a starting node reconciles at once) and repeats at its interval.
 */
@Configuration(proxyBeanMethods = false)
public class SchedulerConfiguration {

    public static final String GROUP = "switchboard";
    static final Duration HEALTH_CHECK_START_DELAY = Duration.ofMinutes(5);

    @Bean
    JobDetail reconcileJob() {
        return job(ReconcileJob.class, ReconcileJob.NAME);
    }

    @Bean
    Trigger reconcileTrigger(@Qualifier("reconcileJob") JobDetail job, SwitchboardProperties properties) {
        return every(job, properties.jobs().reconcileInterval());
    }

    @Bean
    JobDetail healthCheckJob() {
        return job(HealthCheckJob.class, HealthCheckJob.NAME);
    }

    /**
     * The start-up reconcile already asks the provider about every active integration (and turns
     * one whose credentials are refused {@code error}); the first health check follows it rather
     * than doubling the calls and writes of a start-up over thousands of integrations.
     */
    @Bean
    Trigger healthCheckTrigger(@Qualifier("healthCheckJob") JobDetail job, SwitchboardProperties properties) {
        return every(job, properties.jobs().healthInterval(), HEALTH_CHECK_START_DELAY);
    }

    @Bean
    JobDetail maintenanceJob() {
        return job(MaintenanceJob.class, MaintenanceJob.NAME);
    }

    @Bean
    Trigger maintenanceTrigger(@Qualifier("maintenanceJob") JobDetail job, SwitchboardProperties properties) {
        return every(job, properties.jobs().maintenanceInterval());
    }

    @Bean
    JobDetail retentionJob() {
        return job(RetentionJob.class, RetentionJob.NAME);
    }

    @Bean
    Trigger retentionTrigger(@Qualifier("retentionJob") JobDetail job, SwitchboardProperties properties) {
        return every(job, properties.jobs().retentionInterval());
    }

    private static JobDetail job(Class<? extends Job> type, String name) {
        return JobBuilder.newJob(type).withIdentity(name, GROUP).storeDurably().requestRecovery(false).build();
    }

    private static Trigger every(JobDetail job, Duration interval) {
        return every(job, interval, Duration.ZERO);
    }

    private static Trigger every(JobDetail job, Duration interval, Duration firstAfter) {
        return TriggerBuilder.newTrigger().forJob(job).withIdentity(job.getKey().getName(), GROUP)
                .startAt(Date.from(Instant.now().plus(firstAfter)))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
