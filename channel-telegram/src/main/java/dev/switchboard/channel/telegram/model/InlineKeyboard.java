package dev.switchboard.channel.telegram.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** reply_markup.inline_keyboard: rows of buttons, each with text and exactly one action. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InlineKeyboard(List<List<Button>> inlineKeyboard) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Button(String text, String callbackData, String url) {
    }
}
