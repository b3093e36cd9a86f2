package dev.switchboard.app.monitoring;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code switchboard.monitoring.*}.
 *
 * @param sampleInterval  how often each node writes its metrics to {@code public.metric_sample}
 * @param alertInterval   how often the alert rules are evaluated (once across the cluster)
 * @param keepSamples     how long samples are kept (the dashboard shows the last hour)
 * @param alertWebhookUrl where alert notifications are POSTed as JSON (optional)
 * @param alertChats      operator chats reached through the platform's own channels, each
 *                        {@code <tenant slug>:<integration id>:<chat>}
 */
@ConfigurationProperties("switchboard.monitoring")
public record MonitoringProperties(
        @DefaultValue("15s") Duration sampleInterval,
        @DefaultValue("30s") Duration alertInterval,
        @DefaultValue("2h") Duration keepSamples,
        String alertWebhookUrl,
        @DefaultValue List<String> alertChats) {
}
