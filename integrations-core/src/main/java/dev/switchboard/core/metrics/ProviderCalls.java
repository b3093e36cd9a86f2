package dev.switchboard.core.metrics;

import dev.switchboard.core.channel.ChannelException;
import java.time.Duration;

/** Channel clients report each call to their provider here: for metrics and alerts. */
public interface ProviderCalls {

    ProviderCalls NONE = (type, method, outcome, took) -> {
    };

    void record(String type, String method, String outcome, Duration took);

    String SUCCESS = "success";

    /** success, rate_limited, client_error, server_error or unreachable. */
    static String outcomeOf(ChannelException e) {
        if (e.unreachable()) {
            return "unreachable";
        }
        if (e.status() == 429) {
            return "rate_limited";
        }
        return e.status() >= 500 ? "server_error" : "client_error";
    }
}
