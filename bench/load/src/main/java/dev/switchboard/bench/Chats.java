package dev.switchboard.bench;

import dev.switchboard.sandbox.telegram.SentMessage;
import dev.switchboard.sandbox.telegram.TelegramEmulator;
import dev.switchboard.sandbox.telegram.TgUser;
import java.util.ArrayList;
import java.util.List;

/**
 * The guests of a benchmark: {@code chatsPerBot} private chats per bot, each a user who has
 * written to that bot once (Telegram lets a bot write only to people who wrote to it first).
 */
final class Chats {

    /** A guest's private chat with one bot. */
    record Chat(Provisioner.ConnectedBot bot, TgUser guest) {
    }

    /** The greeting's tag: every guest first writes "hi <chat id>". */
    static final String GREETING = "hi";

    private Chats() {
    }

    /** Creates the guests and has each say hi through the emulator; the caller waits for the echoes. */
    static List<Chat> open(TelegramEmulator telegram, List<Provisioner.ConnectedBot> bots, long firstChat,
                           int chatsPerBot) {
        List<Chat> chats = new ArrayList<>();
        for (int b = 0; b < bots.size(); b++) {
            for (int c = 0; c < chatsPerBot; c++) {
                long id = firstChat + (long) b * chatsPerBot + c;
                TgUser guest = telegram.user(id, "Guest", "guest_" + id, "en");
                chats.add(new Chat(bots.get(b), guest));
            }
        }
        // interleave bots so that no bot's 30/s budget is the bottleneck of the greeting
        for (int c = 0; c < chatsPerBot; c++) {
            for (int b = 0; b < bots.size(); b++) {
                Chat chat = chats.get(b * chatsPerBot + c);
                telegram.injectText(chat.bot().bot().token(), chat.guest(), GREETING + " " + chat.guest().id());
            }
        }
        return chats;
    }

    /** Waits (up to 5 minutes) until the emulator holds {@code expected} sends whose text starts with the tag. */
    static List<SentMessage> awaitEchoes(TelegramEmulator telegram, List<Provisioner.ConnectedBot> bots, String tag,
                                         long expected) {
        List<SentMessage> echoes = List.of();
        for (int i = 0; i < 600; i++) {
            echoes = bots.stream().flatMap(b -> telegram.sentMessages(b.bot().token()).stream())
                    .filter(m -> m.text() != null && m.text().startsWith(tag + " ")).toList();
            if (echoes.size() >= expected) {
                return echoes;
            }
            Pause.millis(500);
        }
        throw new IllegalStateException(tag + ": " + echoes.size() + " of " + expected + " echoes in 5 minutes");
    }

}
