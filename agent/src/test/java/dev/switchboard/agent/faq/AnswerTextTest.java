package dev.switchboard.agent.faq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswerTextTest {

    @Test
    void removesMarkdownThatAPlainTextChatWouldShowLiterally() {
        assertThat(AnswerText.of("**Breakfast** is _included_; see [the menu](https://x.test/menu) or `dial 9`."))
                .isEqualTo("Breakfast is included; see the menu (https://x.test/menu) or dial 9.");
        assertThat(AnswerText.of("- towels\n- robes")).isEqualTo("• towels\n• robes");
        assertThat(AnswerText.of("a_b_c and 2*3*4")).isEqualTo("a_b_c and 2*3*4");
    }
}
