package dev.switchboard.app.monitoring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The operators' view: health, current figures, alerts and their rules, and an HTML dashboard of the last hour. */
@Controller
@RequestMapping("/api/v1/monitoring")
class MonitoringController {

    private static final Duration RECENT = Duration.ofMinutes(5);

    record Rule(@NotBlank String name, @NotBlank String metric, @NotBlank String operator, @NotNull Double threshold,
                @NotNull Integer windowSeconds, @NotBlank String severity, Boolean enabled) {
        AlertRule toRule(String nameOverride) {
            return new AlertRule(nameOverride == null ? name : nameOverride, metric, operator, threshold, windowSeconds,
                    severity, enabled == null || enabled);
        }
    }

    record Health(String status, boolean database, double queueLagSeconds, long queueDepth,
                  Map<String, Double> errorShareByType, List<AlertEvent> activeAlerts) {
    }

    record Alerts(List<AlertEvent> active, List<AlertEvent> recent) {
    }

    private final MetricSamples samples;
    private final MetricSampler sampler;
    private final NodeMetrics node;
    private final AlertRules rules;
    private final AlertEvents events;
    private final JdbcClient jdbc;

    MonitoringController(MetricSamples samples, MetricSampler sampler, NodeMetrics node, AlertRules rules,
                         AlertEvents events, JdbcClient jdbc) {
        this.samples = samples;
        this.sampler = sampler;
        this.node = node;
        this.rules = rules;
        this.events = events;
        this.jdbc = jdbc;
    }

    @GetMapping("/health")
    @ResponseBody
    Health health() {
        boolean database = jdbc.sql("SELECT 1").query(Integer.class).single() == 1;
        Map<Metric, Double> now = node.read();
        Map<String, Long> byTypeAndStatus = node.integrationsByTypeAndStatus();
        Map<String, Double> errorShare = new TreeMap<>();
        Map<String, Long> totals = new TreeMap<>();
        byTypeAndStatus.forEach((key, count) -> totals.merge(key.split("/")[0], count, Long::sum));
        totals.forEach((type, total) -> errorShare.put(type,
                byTypeAndStatus.getOrDefault(type + "/error", 0L) / (double) total));
        List<AlertEvent> active = events.recent(200).stream().filter(e -> e.resolvedAt() == null).toList();
        double lag = now.get(Metric.QUEUE_LAG_SECONDS);
        String status = !database ? "down" : active.stream().anyMatch(a -> "critical".equals(a.severity())) || lag > 60
                ? "degraded" : "up";
        return new Health(status, database, lag, now.get(Metric.QUEUE_DEPTH).longValue(), errorShare, active);
    }

    /** Every metric over the last five minutes (counters as increases, gauges at their highest). */
    @GetMapping("/metrics")
    @ResponseBody
    Map<String, Object> metrics() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("windowSeconds", RECENT.toSeconds());
        Map<String, Double> values = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            values.put(metric.key(), samples.value(metric, RECENT));
        }
        figures.put("values", values);
        Map<String, Double> thisNode = new LinkedHashMap<>();
        sampler.latest().forEach((metric, value) -> thisNode.put(metric.key(), value));
        figures.put("thisNodeLatest", thisNode);
        return figures;
    }

    @GetMapping("/alerts")
    @ResponseBody
    Alerts alerts() {
        List<AlertEvent> recent = events.recent(100);
        return new Alerts(recent.stream().filter(e -> e.resolvedAt() == null).toList(), recent);
    }

    @GetMapping("/alerts/rules")
    @ResponseBody
    List<AlertRule> rules() {
        return rules.all();
    }

    @PostMapping("/alerts/rules")
    @ResponseBody
    @ResponseStatus(HttpStatus.CREATED)
    AlertRule createRule(@Valid @RequestBody Rule rule) {
        return rules.create(rule.toRule(null));
    }

    @PutMapping("/alerts/rules/{name}")
    @ResponseBody
    AlertRule replaceRule(@PathVariable String name, @Valid @RequestBody Rule rule) {
        return rules.replace(name, rule.toRule(name));
    }

    @DeleteMapping("/alerts/rules/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteRule(@PathVariable String name) {
        rules.delete(name);
    }

    @GetMapping(value = "/dashboard", produces = MediaType.TEXT_HTML_VALUE)
    String dashboard(Model model) {
        model.addAttribute("generatedAt", Instant.now());
        model.addAttribute("health", health());
        model.addAttribute("messages", SvgChart.render("Messages per minute", "msg", List.of(
                new SvgChart.Series("in", "#1f77b4", samples.lastHourPerMinute(Metric.MESSAGES_IN)),
                new SvgChart.Series("sent", "#2ca02c", samples.lastHourPerMinute(Metric.MESSAGES_SENT)),
                new SvgChart.Series("failed", "#d62728", samples.lastHourPerMinute(Metric.SEND_FAILURES)))));
        model.addAttribute("errors", SvgChart.render("Provider error rate", "", List.of(
                new SvgChart.Series("error rate", "#d62728", errorRatePerMinute()))));
        model.addAttribute("latency", SvgChart.render("Provider latency", "s", List.of(
                new SvgChart.Series("p50", "#2ca02c", samples.lastHourPerMinute(Metric.PROVIDER_LATENCY_P50)),
                new SvgChart.Series("p95", "#ff7f0e", samples.lastHourPerMinute(Metric.PROVIDER_LATENCY_P95)),
                new SvgChart.Series("p99", "#d62728", samples.lastHourPerMinute(Metric.PROVIDER_LATENCY_P99)))));
        model.addAttribute("queue", SvgChart.render("Queue depth", "items", List.of(
                new SvgChart.Series("depth", "#9467bd", samples.lastHourPerMinute(Metric.QUEUE_DEPTH)))));
        model.addAttribute("integrations", node.integrationsByTypeAndStatus());
        model.addAttribute("alerts", events.recent(20));
        model.addAttribute("rules", rules.all());
        return "monitoring/dashboard";
    }

    private TreeMap<Instant, Double> errorRatePerMinute() {
        TreeMap<Instant, Double> errors = samples.lastHourPerMinute(Metric.PROVIDER_ERRORS);
        TreeMap<Instant, Double> requests = samples.lastHourPerMinute(Metric.PROVIDER_REQUESTS);
        TreeMap<Instant, Double> rate = new TreeMap<>();
        requests.forEach((minute, total) -> rate.put(minute, total <= 0 ? 0 : errors.getOrDefault(minute, 0.0) / total));
        return rate;
    }
}
