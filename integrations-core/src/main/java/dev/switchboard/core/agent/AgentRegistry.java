package dev.switchboard.core.agent;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The agent kinds present in this build; {@code none} is always there. */
@Component
public class AgentRegistry {

    private final Map<String, AgentService> byKind;

    public AgentRegistry(List<AgentService> agents) {
        this.byKind = agents.stream().collect(Collectors.toUnmodifiableMap(AgentService::kind, Function.identity()));
    }

    public Optional<AgentService> byKind(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    public Collection<String> kinds() {
        TreeSet<String> kinds = new TreeSet<>(byKind.keySet());
        kinds.add(AgentSettings.NONE);
        return kinds;
    }
}
