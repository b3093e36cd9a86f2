package dev.switchboard.channel.telegram.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.channel.telegram.TelegramProperties;
import dev.switchboard.channel.telegram.model.TgMessage;
import dev.switchboard.core.channel.ChannelException;
import dev.switchboard.core.metrics.ProviderCalls;
import dev.switchboard.core.vault.Secret;
import dev.switchboard.sandbox.telegram.Bot;
import dev.switchboard.sandbox.telegram.Fault;
import dev.switchboard.sandbox.telegram.TelegramEmulator;
import dev.switchboard.sandbox.telegram.TgUser;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Bot API client against the Telegram emulator over real HTTP: a send and its answer, a call
 * that gets no answer within its timeout (retryable, naming no token), and a revoked token (401).
 */
class HttpTelegramClientTest {

    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(500);

    private static TelegramEmulator telegram;
    private static HttpTelegramClient client;

    @BeforeAll
    static void start() {
        telegram = TelegramEmulator.start();
        client = new HttpTelegramClient(new TelegramProperties(URI.create(telegram.baseUrl()), Duration.ofSeconds(2),
                REQUEST_TIMEOUT), ProviderCalls.NONE);
    }

    @AfterAll
    static void stop() {
        telegram.close();
    }

    @Test
    void sendsAMessageAndReadsWhatTelegramAnswered() throws Exception {
        Bot bot = telegram.createBot("client_send_bot");
        TgUser guest = greeted(bot, 7_000_001L);

        for (int i = 0; i < 3; i++) { // the same pooled connection, kept alive
            TgMessage sent = client.sendMessage(Secret.of(bot.token()), Long.toString(guest.id()), "hello " + i, null);
            assertThat(sent.text()).isEqualTo("hello " + i);
        }
        assertThat(telegram.sentMessages(bot.token())).hasSize(3);
    }

    @Test
    void aCallWithoutAnAnswerWithinItsTimeoutIsRetryableAndNamesNoToken() {
        Bot bot = telegram.createBot("client_hang_bot");
        TgUser guest = greeted(bot, 7_000_002L);
        telegram.armFault(bot.token(), "sendMessage", Fault.hang(Duration.ofSeconds(3)), 1);

        long started = System.nanoTime();
        ChannelException e = catchThrowableOfType(ChannelException.class, () ->
                client.sendMessage(Secret.of(bot.token()), Long.toString(guest.id()), "anyone there?", null));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(e.kind()).isEqualTo(ChannelException.Kind.RETRYABLE);
        assertThat(e.getMessage()).contains("did not answer sendMessage").doesNotContain(bot.token());
    }

    @Test
    void aRevokedTokenIsRefused() {
        Bot bot = telegram.createBot("client_revoked_bot");
        telegram.revokeToken(bot.token());

        ChannelException e = catchThrowableOfType(ChannelException.class, () -> client.getMe(Secret.of(bot.token())));

        assertThat(e.kind()).isEqualTo(ChannelException.Kind.UNAUTHORIZED);
        assertThat(e.getMessage()).doesNotContain(bot.token());
    }

    private TgUser greeted(Bot bot, long userId) {
        TgUser guest = telegram.user(userId, "Guest", "guest" + userId, "en");
        telegram.injectText(bot.token(), guest, "hi");
        return guest;
    }
}
