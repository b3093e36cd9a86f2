package dev.switchboard.app.monitoring;

import dev.switchboard.core.lifecycle.SchedulerConfiguration;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Per-node sampling (Spring scheduling) and cluster-wide alert evaluation (Quartz). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(MonitoringProperties.class)
class MonitoringConfiguration {

    @Bean
    JobDetail alertJob() {
        return JobBuilder.newJob(AlertJob.class).withIdentity("alerts", SchedulerConfiguration.GROUP).storeDurably().build();
    }

    @Bean
    Trigger alertTrigger(@Qualifier("alertJob") JobDetail job, MonitoringProperties properties) {
        return TriggerBuilder.newTrigger().forJob(job).withIdentity("alerts", SchedulerConfiguration.GROUP).startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(properties.alertInterval().toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
