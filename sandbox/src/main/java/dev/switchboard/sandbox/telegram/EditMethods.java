package dev.switchboard.sandbox.telegram;

import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** editMessageText, editMessageReplyMarkup and deleteMessage on messages the emulator stored. */
final class EditMethods {

    private static final String NOT_MODIFIED = "message is not modified: specified new message content and reply "
            + "markup are exactly the same as a current content and reply markup of the message";

    private final TelegramState state;
    private final Outbox outbox;

    EditMethods(TelegramState state, Outbox outbox) {
        this.state = state;
        this.outbox = outbox;
    }

    void register(MethodTable methods) {
        methods.add("editMessageText", this::editText)
                .add("editMessageReplyMarkup", this::editReplyMarkup)
                .add("deleteMessage", this::delete);
    }

    private ApiResult editText(CallContext call) {
        TelegramParams params = call.params();
        if (params.string("text").isEmpty()) {
            throw ApiException.badRequest("message text is empty");
        }
        FormattedText text = FormattedText.fromParams(params, "text", "entities");
        Optional<JsonNode> markup = ReplyMarkup.read(params);
        ObjectNode message = editable(call);
        if (!message.has("text")) {
            throw ApiException.badRequest("there is no text in the message to edit");
        }
        if (text.isBlank()) {
            throw ApiException.badRequest("message text is empty");
        }
        if (text.length() > MessageMethods.MAX_TEXT_LENGTH) {
            throw ApiException.badRequest("message is too long");
        }
        ArrayNode entities = text.entities().isEmpty() ? null : text.entitiesJson();
        JsonNode keyboard = ReplyMarkup.inlineKeyboard(markup).orElse(null);
        boolean unchanged = message.get("text").stringValue().equals(text.text())
                && same(message.get("entities"), entities) && same(message.get("reply_markup"), keyboard);
        if (unchanged) {
            throw ApiException.badRequest(NOT_MODIFIED);
        }
        message.put("text", text.text());
        replace(message, "entities", entities);
        return finishEdit(call, message, keyboard, markup);
    }

    /** Without reply_markup the inline keyboard is removed, as in the Bot API. */
    private ApiResult editReplyMarkup(CallContext call) {
        Optional<JsonNode> markup = ReplyMarkup.read(call.params());
        ObjectNode message = editable(call);
        JsonNode keyboard = ReplyMarkup.inlineKeyboard(markup).orElse(null);
        if (same(message.get("reply_markup"), keyboard)) {
            throw ApiException.badRequest(NOT_MODIFIED);
        }
        return finishEdit(call, message, keyboard, markup);
    }

    private ApiResult finishEdit(CallContext call, ObjectNode message, JsonNode keyboard, Optional<JsonNode> markup) {
        replace(message, "reply_markup", keyboard);
        message.put("edit_date", state.clock.unixSeconds());
        Chat chat = state.directory.chat(message.path("chat").path("id").asLong());
        outbox.record(call, chat, message, markup, null);
        return ApiResult.of(message.deepCopy());
    }

    /** The bot's own message named by chat_id + message_id; inline messages are not emulated. */
    private ObjectNode editable(CallContext call) {
        TelegramParams params = call.params();
        if (params.string("chat_id").isEmpty() && params.longValue("message_id", 0) <= 0) {
            params.string("inline_message_id")
                    .orElseThrow(() -> ApiException.badRequest("message identifier is not specified"));
            throw ApiException.badRequest("MESSAGE_ID_INVALID");
        }
        Chat chat = outbox.targetChat(call.account(), params);
        Chat.StoredMessage stored = outbox.existing(chat, params, "message to edit");
        if (stored.senderBotId() != call.account().id()) {
            throw ApiException.badRequest("message can't be edited");
        }
        return stored.json();
    }

    private ApiResult delete(CallContext call) {
        TelegramParams params = call.params();
        if (params.string("chat_id").isEmpty()) {
            throw ApiException.badRequest("chat identifier is not specified");
        }
        if (params.longValue("message_id", 0) <= 0) {
            throw ApiException.badRequest("message identifier is not specified");
        }
        Chat chat = outbox.targetChat(call.account(), params);
        outbox.existing(chat, params, "message to delete");
        chat.remove(params.longValue("message_id", 0));
        return ApiResult.ok();
    }

    private static boolean same(JsonNode current, JsonNode replacement) {
        return current == null ? replacement == null : current.equals(replacement);
    }

    private static void replace(ObjectNode message, String field, JsonNode value) {
        if (value == null) {
            message.remove(field);
        } else {
            message.set(field, value);
        }
    }
}
