package dev.switchboard.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.config.SwitchboardProperties;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandOffTest {

    private final HandOff handOff = new HandOff(new SwitchboardProperties(null, null, null, null, null, null, null, null,
            new SwitchboardProperties.Agent(List.of("operator", "a person", "Человек"), "a person will answer", "faq"), null),
            null, null);

    @Test
    void aWordOfItsOwnAsksForAPerson() {
        assertThat(handOff.requested("Operator, please")).isTrue();
        assertThat(handOff.requested("can I talk to a person?")).isTrue();
        assertThat(handOff.requested("позовите ЧЕЛОВЕКа")).isFalse();
        assertThat(handOff.requested("нужен человек!")).isTrue();
    }

    @Test
    void theWordInsideAnotherWordOrNoWordAtAllDoesNot() {
        assertThat(handOff.requested("the cooperator program")).isFalse();
        assertThat(handOff.requested("operators")).isFalse();
        assertThat(handOff.requested("a personal question")).isFalse();
        assertThat(handOff.requested("a table for two at eight, please")).isFalse();
        assertThat(handOff.requested(" ")).isFalse();
        assertThat(handOff.requested(null)).isFalse();
    }
}
