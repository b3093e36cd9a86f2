package dev.switchboard.sandbox.telegram;

import dev.switchboard.sandbox.http.Json;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every send shares: resolving chat_id the way Telegram does, building the Message the
 * bot gets back, storing it for callbacks and edits, and recording it for tests.
 */
final class Outbox {

    private final TelegramState state;

    Outbox(TelegramState state) {
        this.state = state;
    }

    /**
     * A private chat is reachable only once its user wrote to the bot; before that Telegram
     * says "chat not found", or 403 when the bot knows the user from a group.
     */
    Chat targetChat(BotAccount bot, TelegramParams params) {
        String raw = params.string("chat_id").map(String::trim).orElseThrow(
                () -> ApiException.badRequest("chat_id is empty"));
        Chat chat = params.numericChatId().isPresent() ? state.directory.chat(params.numericChatId().getAsLong()) : null;
        if (chat == null || raw.startsWith("@")) {
            throw ApiException.badRequest("chat not found");
        }
        if (chat.isPrivate() && !bot.startedBy.contains(chat.id())) {
            if (bot.seenUsers.contains(chat.id())) {
                throw ApiException.forbidden("bot can't initiate conversation with a user");
            }
            throw ApiException.badRequest("chat not found");
        }
        return chat;
    }

    /** The stored message a bot refers to by chat_id + message_id, or 400 "{what} not found". */
    Chat.StoredMessage existing(Chat chat, TelegramParams params, String what) {
        Chat.StoredMessage message = chat.message(params.longValue("message_id", 0));
        if (message == null) {
            throw ApiException.badRequest(what + " not found");
        }
        return message;
    }

    /** A new Message from the bot; call after validating content so failures use no message_id. */
    ObjectNode compose(BotAccount bot, Chat chat, TelegramParams params) {
        Optional<ObjectNode> replyTo = replyTarget(chat, params);
        ObjectNode message = Payloads.message(chat.nextMessageId(), Payloads.botUser(bot.bot), chat,
                state.clock.unixSeconds());
        replyTo.ifPresent(target -> message.set("reply_to_message", target));
        return message;
    }

    /** Adds the inline keyboard, stores the message and records the send; returns the Message. */
    ApiResult deliver(CallContext call, Chat chat, ObjectNode message, Optional<JsonNode> markup, String media) {
        ReplyMarkup.inlineKeyboard(markup).ifPresent(keyboard -> message.set("reply_markup", keyboard));
        chat.store(message.get("message_id").asLong(), new Chat.StoredMessage(message, call.account().id()));
        record(call, chat, message, markup, media);
        return ApiResult.of(message.deepCopy());
    }

    void record(CallContext call, Chat chat, ObjectNode message, Optional<JsonNode> markup, String media) {
        call.account().journal.sent.add(new SentMessage(call.method(), chat.id(), message.get("message_id").asLong(),
                textOf(message, "text"), textOf(message, "caption"), media, markup.map(Json::write).orElse(null),
                call.params().asText(), Json.write(message), state.clock.now()));
    }

    /** reply_parameters (Bot API 7.0) or the older reply_to_message_id. */
    private Optional<ObjectNode> replyTarget(Chat chat, TelegramParams params) {
        Optional<JsonNode> replyParameters = params.json("reply_parameters",
                "can't parse reply parameters JSON object");
        long messageId = replyParameters.map(node -> node.path("message_id").asLong(0))
                .orElse(params.longValue("reply_to_message_id", 0));
        if (messageId <= 0) {
            return Optional.empty();
        }
        Chat.StoredMessage target = chat.message(messageId);
        boolean withoutReply = params.flag("allow_sending_without_reply")
                || replyParameters.map(node -> node.path("allow_sending_without_reply").asBoolean(false)).orElse(false);
        if (target == null && !withoutReply) {
            throw ApiException.badRequest("message to be replied not found");
        }
        return Optional.ofNullable(target).map(stored -> stored.json().deepCopy());
    }

    private static String textOf(ObjectNode message, String field) {
        JsonNode value = message.get(field);
        return value == null ? null : value.stringValue();
    }
}
