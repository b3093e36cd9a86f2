package dev.switchboard.agent.faq;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code switchboard.agent.faq.*}: the offline agent.
 *
 * @param threshold      a passage answers a question when its score reaches this; calibrated on the labelled set in
 *                       app's tests, where it answers none of the 12 unanswerable questions and hands over 2 of the
 *                       48 answerable ones (see bench/agent/README.md)
 * @param greetings      words that open a conversation ("hello", "здравствуйте"): answered with {@code greeting}
 * @param thanks         words of thanks: answered with {@code welcome}
 */
@Validated
@ConfigurationProperties("switchboard.agent.faq")
public record FaqProperties(
        @DefaultValue("0.2") @DecimalMin("-1") @DecimalMax("1") double threshold,
        @DefaultValue({"hi", "hello", "hey", "good morning", "good afternoon", "good evening", "/start", "привет",
                "здравствуйте", "здравствуй", "добрый день", "доброе утро", "добрый вечер", "hallo"}) List<String> greetings,
        @DefaultValue({"thanks", "thank you", "thx", "спасибо", "благодарю", "спс"}) List<String> thanks,
        @DefaultValue Replies replies) {

    /** What small talk is answered with, in English and in Russian (chosen by the script of the message). */
    public record Replies(
            @DefaultValue("Hello! Ask me anything about us, and I will answer from our information.") String greeting,
            @DefaultValue("Здравствуйте! Задайте вопрос — я отвечу по нашей информации.") String greetingRu,
            @DefaultValue("You are welcome!") String welcome,
            @DefaultValue("Пожалуйста!") String welcomeRu) {
    }
}
