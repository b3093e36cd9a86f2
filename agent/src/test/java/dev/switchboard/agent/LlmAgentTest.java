package dev.switchboard.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LlmAgentTest {

    @Test
    void theModelHandsOverWithTheWordAlone() {
        assertThat(LlmAgent.handsOver("HANDOFF")).isTrue();
        assertThat(LlmAgent.handsOver("  \"handoff.\" ")).isTrue();
        assertThat(LlmAgent.handsOver("I will HANDOFF you to a colleague")).isFalse();
        assertThat(LlmAgent.handsOver("Breakfast is at 7.")).isFalse();
    }
}
