package dev.switchboard.sandbox.twilio;

import dev.switchboard.sandbox.time.Scheduler;
import java.time.Duration;
import java.util.Map;

/**
 * Moves outbound messages along queued → sent → delivered → read on the configured timeline
 * (measured from creation, on the emulator clock), or to failed with 63016 when a free-form
 * message was created outside the 24-hour window; forced failures end them at once. Statuses
 * only move forward. Call with the state lock held.
 */
final class StatusProgression {

    private static final Map<String, Integer> RANK = Map.of("accepted", 0, "queued", 1, "sending", 2, "sent", 3,
            "delivered", 4, "read", 5);

    private final TwilioState state;
    private final Scheduler scheduler;
    private final CallbackSender callbacks;

    StatusProgression(TwilioState state, Scheduler scheduler, CallbackSender callbacks) {
        this.state = state;
        this.scheduler = scheduler;
        this.callbacks = callbacks;
    }

    void start(MessageRecord message) {
        Switches switches = state.switches;
        if (message.outsideWindow) {
            at(message, switches.toSent, () -> fail(message, ErrorCodes.OUTSIDE_WINDOW));
            return;
        }
        at(message, switches.toSent, () -> advance(message, "sent"));
        at(message, switches.toDelivered, () -> advance(message, "delivered"));
        at(message, switches.toRead, () -> advance(message, "read"));
    }

    /** Ends the message failed or undelivered (by the code) with Twilio's error text, and calls back. */
    void fail(MessageRecord message, int errorCode) {
        if (message.terminal()) {
            return;
        }
        message.errorCode = errorCode;
        message.errorMessage = ErrorCodes.message(errorCode);
        change(message, ErrorCodes.finalStatus(errorCode));
    }

    private void advance(MessageRecord message, String status) {
        if (message.terminal() || RANK.getOrDefault(status, 0) <= RANK.getOrDefault(message.status, 0)) {
            return;
        }
        change(message, status);
    }

    private void change(MessageRecord message, String status) {
        message.status = status;
        message.dateUpdated = state.clock.now();
        if (status.equals("sent") || (message.dateSent == null && !status.equals("accepted"))) {
            message.dateSent = message.dateUpdated;
        }
        if (status.equals("delivered")) {
            message.price = "-0.00500";
        }
        message.statusHistory.add(status);
        callbacks.statusChanged(message);
    }

    private void at(MessageRecord message, Duration sinceCreation, Runnable step) {
        scheduler.at(message.dateCreated.plus(sinceCreation), () -> state.locked(() -> {
            if (state.isCurrent(message)) {
                step.run();
            }
        }));
    }
}
