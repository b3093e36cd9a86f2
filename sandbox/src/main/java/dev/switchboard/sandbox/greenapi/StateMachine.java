package dev.switchboard.sandbox.greenapi;

import dev.switchboard.sandbox.time.Scheduler;
import java.time.Duration;

/**
 * stateInstance transitions: each change emits stateInstanceChanged (when stateWebhook is on),
 * becoming authorized releases the send queue, and a restart (reboot, setSettings) shows
 * "starting" for the configured window before settling. Call with the state lock held.
 */
final class StateMachine {

    private final GreenState state;
    private final Scheduler scheduler;
    private final Notifier notifier;
    private final Dispatcher dispatcher;

    StateMachine(GreenState state, Scheduler scheduler, Notifier notifier, Dispatcher dispatcher) {
        this.state = state;
        this.scheduler = scheduler;
        this.notifier = notifier;
        this.dispatcher = dispatcher;
    }

    /** Sets the state now, cancelling a pending restart. */
    void set(InstanceAccount account, String newState) {
        account.restartGeneration++;
        account.stateAfterStart = null;
        change(account, InstanceStates.require(newState));
    }

    /** Shows "starting" for the restart window, then {@code target} (at once when the window is zero). */
    void restart(InstanceAccount account, String target) {
        Duration window = state.switches.settingsRestart;
        if (window.isZero() || window.isNegative()) {
            set(account, target);
            return;
        }
        long generation = ++account.restartGeneration;
        account.stateAfterStart = target;
        change(account, InstanceStates.STARTING);
        scheduler.after(window, () -> state.locked(() -> {
            if (state.isCurrent(account) && account.restartGeneration == generation) {
                set(account, account.stateAfterStart);
            }
        }));
    }

    /** The state a restart returns to: what the instance is (or was heading to) now. */
    String settledState(InstanceAccount account) {
        return InstanceStates.STARTING.equals(account.state) && account.stateAfterStart != null
                ? account.stateAfterStart : account.state;
    }

    private void change(InstanceAccount account, String newState) {
        if (newState.equals(account.state)) {
            return;
        }
        account.state = newState;
        notifier.emit(account, null, notifier.stateChanged(account, newState), false);
        dispatcher.pump(account);
    }
}
