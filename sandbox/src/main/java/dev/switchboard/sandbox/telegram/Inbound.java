package dev.switchboard.sandbox.telegram;

import dev.switchboard.sandbox.http.Json;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds updates as Telegram would deliver them when users act: messages of each kind and
 * callback queries. Every method takes the state lock and returns the new update_id (0 when
 * the bot's allowed_updates exclude the type, as Telegram then creates no update).
 */
final class Inbound {

    private final TelegramState state;
    private final MediaFactory media;

    Inbound(TelegramState state, MediaFactory media) {
        this.state = state;
        this.media = media;
    }

    long text(String token, long chatId, TgUser from, String text) {
        return state.locked(() -> {
            BotAccount bot = state.requireAccount(token);
            Chat chat = conversation(bot, chatId, from);
            ObjectNode message = userMessage(chat, from);
            message.put("text", text);
            if (text.startsWith("/")) {
                int end = text.split("\\s", 2)[0].length();
                message.putArray("entities").add(MessageEntity.of("bot_command", 0, end).toJson());
            }
            return publish(bot, chat, message);
        });
    }

    long photo(String token, TgUser from, String caption) {
        return state.locked(() -> {
            BotAccount bot = state.requireAccount(token);
            Chat chat = conversation(bot, from.id(), from);
            ObjectNode message = userMessage(chat, from);
            message.set("photo", media.photo(bot.id(), null));
            if (caption != null && !caption.isEmpty()) {
                message.put("caption", caption);
            }
            return publish(bot, chat, message);
        });
    }

    long document(String token, TgUser from, String fileName, String mimeType) {
        return state.locked(() -> {
            BotAccount bot = state.requireAccount(token);
            Chat chat = conversation(bot, from.id(), from);
            ObjectNode message = userMessage(chat, from);
            byte[] content = SyntheticBytes.forMimeType(mimeType, 32_000, state.random);
            message.set("document", media.document(bot.id(), fileName, mimeType, content));
            return publish(bot, chat, message);
        });
    }

    long voice(String token, TgUser from, int durationSeconds) {
        return state.locked(() -> {
            BotAccount bot = state.requireAccount(token);
            Chat chat = conversation(bot, from.id(), from);
            ObjectNode message = userMessage(chat, from);
            message.set("voice", media.voice(bot.id(), durationSeconds));
            return publish(bot, chat, message);
        });
    }

    long location(String token, TgUser from, double latitude, double longitude) {
        return state.locked(() -> {
            BotAccount bot = state.requireAccount(token);
            Chat chat = conversation(bot, from.id(), from);
            ObjectNode message = userMessage(chat, from);
            ObjectNode location = message.putObject("location");
            location.put("latitude", latitude);
            location.put("longitude", longitude);
            return publish(bot, chat, message);
        });
    }

    /** A shared contact; user_id is the sender's, the usual case of a request_contact button. */
    long contact(String token, TgUser from, String phoneNumber, String firstName) {
        return state.locked(() -> {
            BotAccount bot = state.requireAccount(token);
            Chat chat = conversation(bot, from.id(), from);
            ObjectNode message = userMessage(chat, from);
            ObjectNode contact = message.putObject("contact");
            contact.put("phone_number", phoneNumber);
            contact.put("first_name", firstName);
            contact.put("user_id", from.id());
            return publish(bot, chat, message);
        });
    }

    /**
     * A tap on an inline button of message {@code messageId}. When the emulator knows that
     * message the query carries it in full, otherwise an inaccessible-message stub (date 0).
     */
    long callback(String token, long chatId, TgUser from, long messageId, String data) {
        return state.locked(() -> {
            BotAccount bot = state.requireAccount(token);
            Chat chat = conversation(bot, chatId, from);
            Chat.StoredMessage stored = chat.message(messageId);
            String queryId = state.callbacks.issue(bot.id(), state.clock.now(), state.random);
            ObjectNode query = Json.object();
            query.put("id", queryId);
            query.set("from", Payloads.user(from));
            query.set("message", stored != null ? stored.json().deepCopy() : inaccessible(chat, messageId));
            query.put("chat_instance", chatInstance(bot.id(), chat.id()));
            query.put("data", data);
            long updateId = state.enqueue(bot, "callback_query", query);
            state.callbacks.linkUpdate(updateId, queryId);
            return updateId;
        });
    }

    /** Any update type; {@code update_id} is assigned here. */
    long raw(String token, String updateJson) {
        JsonNode parsed = Json.parse(updateJson);
        if (!parsed.isObject()) {
            throw new IllegalArgumentException("an update is a JSON object");
        }
        ObjectNode update = (ObjectNode) parsed;
        update.remove("update_id");
        if (update.size() != 1) {
            throw new IllegalArgumentException("an update has exactly one field besides update_id, found "
                    + update.propertyNames());
        }
        String type = update.propertyNames().iterator().next();
        return state.locked(() -> state.enqueue(state.requireAccount(token), type, update.get(type)));
    }

    /** The chat the user writes in; writing in private is what lets the bot answer there. */
    private Chat conversation(BotAccount bot, long chatId, TgUser from) {
        TgUser user = state.directory.user(from);
        Chat chat = state.directory.chat(chatId);
        if (chat == null) {
            throw new IllegalArgumentException("unknown chat " + chatId + " (create groups with group(...))");
        }
        if (chat.isPrivate()) {
            if (chat.id() != user.id()) {
                throw new IllegalArgumentException("user " + user.id() + " cannot write in private chat " + chatId);
            }
            bot.startedBy.add(user.id());
        }
        bot.seenUsers.add(user.id());
        return chat;
    }

    private ObjectNode userMessage(Chat chat, TgUser from) {
        long messageId = chat.nextMessageId();
        ObjectNode message = Payloads.message(messageId, Payloads.user(from), chat, state.clock.unixSeconds());
        chat.store(messageId, new Chat.StoredMessage(message, 0));
        return message;
    }

    private long publish(BotAccount bot, Chat chat, ObjectNode message) {
        return state.enqueue(bot, "message", message.deepCopy());
    }

    private static ObjectNode inaccessible(Chat chat, long messageId) {
        ObjectNode stub = Json.object();
        stub.set("chat", Payloads.chat(chat));
        stub.put("message_id", messageId);
        stub.put("date", 0);
        return stub;
    }

    /** Stable per bot and chat, a signed 64-bit number as a string, like Telegram's. */
    private static String chatInstance(long botId, long chatId) {
        return Long.toString(new Random(botId * 31 + chatId).nextLong());
    }
}
