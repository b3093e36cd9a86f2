package dev.switchboard.app.booking;

import dev.switchboard.core.lifecycle.SchedulerConfiguration;
import java.time.Duration;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bookings job: reminders and notification fall-backs, every {@code switchboard.bookings.check-interval}. */
@Configuration(proxyBeanMethods = false)
class BookingConfiguration {

    @Bean
    JobDetail bookingJob() {
        return JobBuilder.newJob(BookingJob.class).withIdentity("bookings", SchedulerConfiguration.GROUP).storeDurably().build();
    }

    @Bean
    Trigger bookingTrigger(@Qualifier("bookingJob") JobDetail job,
                           @Value("${switchboard.bookings.check-interval:60s}") Duration interval) {
        return TriggerBuilder.newTrigger().forJob(job).withIdentity("bookings", SchedulerConfiguration.GROUP).startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
