package dev.switchboard.core.channel;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The channels present in this build: whatever {@link ChannelProvider} beans the modules contributed. */
@Component
public class ChannelRegistry {

    private final Map<String, ChannelProvider> byType;
    private final Map<String, ChannelProvider> bySegment;

    public ChannelRegistry(List<ChannelProvider> providers) {
        this.byType = providers.stream().collect(Collectors.toUnmodifiableMap(ChannelProvider::type, Function.identity()));
        this.bySegment = providers.stream()
                .collect(Collectors.toUnmodifiableMap(ChannelProvider::webhookSegment, Function.identity()));
    }

    public Optional<ChannelProvider> byType(String type) {
        return Optional.ofNullable(type == null ? null : byType.get(type));
    }

    public ChannelProvider require(String type) {
        return byType(type).orElseThrow(() -> new IllegalStateException("no channel module for type " + type));
    }

    public Optional<ChannelProvider> byWebhookSegment(String segment) {
        return Optional.ofNullable(bySegment.get(segment));
    }

    public Collection<String> types() {
        return byType.keySet();
    }
}
