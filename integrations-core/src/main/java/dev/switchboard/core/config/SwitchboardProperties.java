package dev.switchboard.core.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.PositiveOrZero;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The platform's own settings ({@code switchboard.*}, or {@code SWITCHBOARD_*} in the environment).
 *
 * @param publicUrl the base URL providers call back; unset: {@code http://localhost:<server port>}
 * @param dataDir   where the embedded database, generated keyset and admin token live
 */
@Validated
@ConfigurationProperties("switchboard")
public record SwitchboardProperties(
        URI publicUrl,
        @DefaultValue("./data") Path dataDir,
        String masterKey,
        Path masterKeyFile,
        @DefaultValue Worker worker,
        @DefaultValue Delivery delivery,
        @DefaultValue Polling polling,
        @DefaultValue Jobs jobs,
        @DefaultValue Agent agent,
        @DefaultValue @Valid Inbox inbox) {

    /**
     * @param threads      concurrent workers per node
     * @param batchSize    items claimed per round trip
     * @param idlePoll     how often an idle worker looks for due items written by other nodes
     * @param lease        how long a claimed item stays invisible; a dead node's items return after it
     */
    public record Worker(
            @DefaultValue("8") int threads,
            @DefaultValue("16") int batchSize,
            @DefaultValue("250ms") Duration idlePoll,
            @DefaultValue("60s") Duration lease) {
    }

    /**
     * @param initialBackoff first retry delay of a failed send, doubled each attempt, with jitter
     * @param maxBackoff     cap of the retry delay
     * @param maxAge         a message still unsent after this long fails as expired
     * @param rateLimits     whether sends are held to each provider's published rates
     * @param rateScale      multiplies those rates (tests and benchmarks run them faster)
     * @param circuit        when to stop calling a provider that keeps failing
     */
    public record Delivery(
            @DefaultValue("2s") Duration initialBackoff,
            @DefaultValue("5m") Duration maxBackoff,
            @DefaultValue("24h") Duration maxAge,
            @DefaultValue("true") boolean rateLimits,
            @DefaultValue("1.0") double rateScale,
            @DefaultValue Circuit circuit) {
    }

    /**
     * A per-integration circuit breaker over the last {@code window} calls: at {@code failureRate}
     * percent of 5xx or timeouts (and at least {@code minimumCalls}) it opens for {@code openDuration},
     * then lets {@code probes} calls through to see whether the provider recovered.
     */
    public record Circuit(
            @DefaultValue("10") int window,
            @DefaultValue("5") int minimumCalls,
            @DefaultValue("50") float failureRate,
            @DefaultValue("30s") Duration openDuration,
            @DefaultValue("1") int probes) {
    }

    /**
     * @param handoffPhrases words that, in a person's message, ask for a human (any language; matched
     *                       case-insensitively as whole words)
     * @param handoffReply   what the person is told when the conversation is handed over
     * @param defaultKind    the agent a new tenant starts with, when this build has it (else {@code none})
     */
    public record Agent(
            @DefaultValue({"operator", "human", "a person", "real person", "manager", "оператор", "оператора",
                    "оператору", "человек", "человека", "человеку", "менеджер", "менеджера", "людина", "людину",
                    "людини", "оператором"}) java.util.List<String> handoffPhrases,
            @DefaultValue("Thank you, a person will answer you here shortly.") String handoffReply,
            @DefaultValue("faq") String defaultKind) {
    }

    /**
     * @param reconcileInterval  how often every active integration's remote registration is made right again
     * @param healthInterval     how often every integration's credentials and remote side are checked
     * @param concurrency        integrations reconciled or checked at once: each mostly waits for its provider
     *                           (one call, 20–200 ms), and holds a database connection only to record the outcome
     */
    public record Jobs(
            @DefaultValue("30m") Duration reconcileInterval,
            @DefaultValue("1h") Duration healthInterval,
            @DefaultValue("10m") Duration maintenanceInterval,
            @DefaultValue("24h") Duration retentionInterval,
            @DefaultValue("64") int concurrency) {
    }

    /**
     * @param timeout long-poll wait per request
     * @param errorBackoff pause after a failed poll
     */
    public record Polling(
            @DefaultValue("25s") Duration timeout,
            @DefaultValue("5s") Duration errorBackoff,
            @DefaultValue("10s") Duration supervisorInterval) {
    }

    /**
     * How the inbox mover shares the node with webhooks during a burst.
     *
     * @param burstWebhooks while at least this many of the node's webhooks wait for their inbox
     *                      commit, the mover leaves the machine to them; 0: it never does
     * @param burstDelay    for at most this long after it last caught up with the inbox (0: never):
     *                      a burst's messages reach their conversations up to this much later than
     *                      usual, plus the time the backlog then takes to drain
     */
    public record Inbox(
            @DefaultValue("16") @PositiveOrZero int burstWebhooks,
            @DefaultValue("30s") Duration burstDelay) {

        private static final Duration LONGEST_BURST_DELAY = Duration.ofMinutes(10);

        public Inbox {
            if (burstDelay.isNegative() || burstDelay.compareTo(LONGEST_BURST_DELAY) > 0) {
                throw new IllegalArgumentException("switchboard.inbox.burst-delay must be between 0 and "
                        + LONGEST_BURST_DELAY + ", not " + burstDelay);
            }
        }
    }
}
