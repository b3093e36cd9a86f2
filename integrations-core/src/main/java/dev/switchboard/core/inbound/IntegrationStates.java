package dev.switchboard.core.inbound;

import dev.switchboard.core.channel.IntegrationStateChange;
import dev.switchboard.core.integration.Integration;
import dev.switchboard.core.integration.IntegrationRepository;
import dev.switchboard.core.integration.IntegrationStatus;
import dev.switchboard.core.notify.Notifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies a provider's word on the account's state: a lost or blocked account turns the
 * integration {@code error} and tells the tenant; an account working again makes it
 * {@code active}. Runs in the inbound store's transaction; repeating a state changes nothing.
 */
@Component
class IntegrationStates {

    private static final Logger log = LoggerFactory.getLogger(IntegrationStates.class);

    private final IntegrationRepository integrations;
    private final Notifier notifier;

    IntegrationStates(IntegrationRepository integrations, Notifier notifier) {
        this.integrations = integrations;
        this.notifier = notifier;
    }

    void apply(UUID integrationId, IntegrationStateChange change) {
        Integration integration = integrations.findById(integrationId).orElse(null);
        if (integration == null || integration.getStatus() == IntegrationStatus.DISABLED) {
            return;
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("state", change.state());
        state.put("operational", change.operational());
        integration.observed(state);
        if (!change.operational() && integration.getStatus() != IntegrationStatus.ERROR) {
            integration.failed(change.detail());
            notifier.notify("The " + integration.getType() + " integration \"" + integration.getName()
                    + "\" stopped working: " + change.detail(), integrationId);
            log.warn("integration state changed integration={} state={}", integrationId, change.state());
        } else if (change.operational() && integration.getStatus() == IntegrationStatus.ERROR) {
            integration.recovered();
            notifier.notify("The " + integration.getType() + " integration \"" + integration.getName() + "\" works again.",
                    null);
            log.info("integration state changed integration={} state={}", integrationId, change.state());
        }
    }
}
