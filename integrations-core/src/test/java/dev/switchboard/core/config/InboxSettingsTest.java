package dev.switchboard.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class InboxSettingsTest {

    @Test
    void aBurstLeavesTheMachineToWebhooksForHalfAMinuteByDefault() {
        SwitchboardProperties.Inbox inbox = bind(Map.of()).inbox();
        assertThat(inbox.burstWebhooks()).isEqualTo(16);
        assertThat(inbox.burstDelay()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aBurstDelayOutOfRangeIsRefusedNamingTheProperty() {
        for (String delay : new String[] {"-1s", "11m"}) {
            assertThatThrownBy(() -> bind(Map.of("switchboard.inbox.burst-delay", delay)))
                    .isInstanceOf(BindException.class)
                    .rootCause().hasMessageContaining("switchboard.inbox.burst-delay must be between 0 and PT10M");
        }
    }

    private static SwitchboardProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("switchboard",
                SwitchboardProperties.class);
    }
}
