package dev.switchboard.app.monitoring;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Every {@code switchboard.monitoring.alert-interval} (30 s), once across the cluster. */
@DisallowConcurrentExecution
class AlertJob extends QuartzJobBean {

    private final AlertEvaluator evaluator;

    AlertJob(AlertEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        evaluator.evaluate();
    }
}
