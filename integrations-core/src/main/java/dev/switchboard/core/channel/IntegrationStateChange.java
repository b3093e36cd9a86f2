package dev.switchboard.core.channel;

import java.time.Instant;

/**
 * The provider says the account itself changed state (Green API {@code stateInstanceChanged}:
 * logged out, blocked, authorized again). A non-operational state turns the integration
 * {@code error} with {@code detail} as the reason; an operational one makes it {@code active} again.
 *
 * @param state       the provider's own name for the state
 * @param detail      what the user must do, when not operational
 */
public record IntegrationStateChange(String dedupKey, String state, boolean operational, String detail, Instant at)
        implements InboundEvent {
}
