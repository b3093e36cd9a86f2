package dev.switchboard.agent.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmallTalkTest {

    private final FaqProperties properties = new FaqProperties(0.2, List.of("hi", "hello", "/start", "здравствуйте",
            "добрый день"), List.of("thanks", "спасибо"), new FaqProperties.Replies("Hello!", "Здравствуйте!",
            "Welcome!", "Пожалуйста!"));
    private final SmallTalk smallTalk = new SmallTalk(properties);

    @Test
    void answersGreetingsAndThanksInTheLanguageOfTheMessage() {
        assertThat(smallTalk.answer("Hello!")).contains("Hello!");
        assertThat(smallTalk.answer("/start")).contains("Hello!");
        assertThat(smallTalk.answer("Добрый день 👋")).contains("Здравствуйте!");
        assertThat(smallTalk.answer("hi hi")).contains("Hello!");
        assertThat(smallTalk.answer("Спасибо!!")).contains("Пожалуйста!");
        assertThat(smallTalk.answer("thanks")).contains("Welcome!");
    }

    @Test
    void aQuestionWithAGreetingIsAQuestion() {
        assertThat(smallTalk.answer("hi, where do I park?")).isEmpty();
        assertThat(smallTalk.answer("hitchhiking")).isEmpty();
        assertThat(smallTalk.answer("")).isEmpty();
        assertThat(smallTalk.answer(null)).isEmpty();
    }
}
