package dev.switchboard.bench;

import dev.switchboard.sandbox.telegram.SentMessage;
import dev.switchboard.sandbox.telegram.TelegramEmulator;
import dev.switchboard.sandbox.telegram.TgUser;
import java.time.Duration;
import java.time.Instant;
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

    /** How long a wait for echoes lasts without a new one before it gives up. */
    private static final Duration STALLED = Duration.ofMinutes(1);

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

    /**
     * Waits until the emulator holds {@code expected} sends whose text starts with the tag; gives up
     * when none came for {@link #STALLED}. Not a fixed deadline: a burst accepted faster than it is
     * answered (the inbox absorbs it) takes as long as the sends do.
     */
    static List<SentMessage> awaitEchoes(TelegramEmulator telegram, List<Provisioner.ConnectedBot> bots, String tag,
                                         long expected) {
        List<SentMessage> echoes = List.of();
        Instant lastProgress = Instant.now();
        while (Duration.between(lastProgress, Instant.now()).compareTo(STALLED) < 0) {
            List<SentMessage> now = bots.stream().flatMap(b -> telegram.sentMessages(b.bot().token()).stream())
                    .filter(m -> m.text() != null && m.text().startsWith(tag + " ")).toList();
            if (now.size() >= expected) {
                return now;
            }
            if (now.size() > echoes.size()) {
                lastProgress = Instant.now();
            }
            echoes = now;
            Pause.millis(500);
        }
        throw new IllegalStateException(tag + ": " + echoes.size() + " of " + expected + " echoes, none more for "
                + STALLED.toSeconds() + " s");
    }

}
