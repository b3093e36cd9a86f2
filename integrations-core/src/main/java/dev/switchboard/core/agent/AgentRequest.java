package dev.switchboard.core.agent;

import dev.switchboard.core.channel.ChannelCapabilities;
import dev.switchboard.core.tenant.TenantRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * @param history   earlier messages of the conversation, oldest first, the new one excluded
 * @param settings  the tenant's agent configuration
 * @param channel   what the reply may use (maximum text length, buttons)
 */
public record AgentRequest(
        TenantRef tenant,
        UUID conversationId,
        Turn message,
        List<Turn> history,
        AgentSettings settings,
        ChannelCapabilities channel) {

    /** One message: {@code in} from the person, {@code out} from us. */
    public record Turn(String direction, String kind, String text, Instant at) {
    }
}
