package dev.switchboard.core.lifecycle;

import java.util.Map;
import org.quartz.JobDataMap;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.stereotype.Component;

/** Runs a scheduled job now, on whichever node Quartz picks (an operator's "run it now"). */
@Component
public class Jobs {

    private final Scheduler scheduler;

    public Jobs(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** @return false when there is no such job */
    public boolean runNow(String name) {
        JobKey key = JobKey.jobKey(name, SchedulerConfiguration.GROUP);
        try {
            if (!scheduler.checkExists(key)) {
                return false;
            }
            scheduler.triggerJob(key, new JobDataMap(Map.of(GuardedJob.FORCE, true)));
            return true;
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot trigger job " + name, e);
        }
    }
}
