package dev.switchboard.bench.peer;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import org.telegram.telegrambots.webhook.TelegramWebhookBot;

/**
 * One webhook bot as the library's own example writes it: the webhook server calls
 * {@link #consumeUpdate} for each POST to {@link #getBotPath}; the reply goes out through the
 * bot's {@link TelegramClient}. Nothing is stored.
 */
final class EchoBot implements TelegramWebhookBot {

    private static final Logger log = LoggerFactory.getLogger(EchoBot.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String botPath;
    private final String webhookUrl;
    private final String secretToken = newSecretToken();
    private final TelegramClient telegramClient;

    EchoBot(String botPath, String publicUrl, TelegramClient telegramClient) {
        this.botPath = botPath;
        this.webhookUrl = publicUrl + botPath;
        this.telegramClient = telegramClient;
    }

    /**
     * Sends the echo itself rather than returning the SendMessage as the webhook's answer: the
     * emulator, like a webhook receiver that cannot rely on it, reads no method from the response.
     */
    @Override
    public BotApiMethod<?> consumeUpdate(Update update) {
        if (update.hasMessage() && update.getMessage().hasText()) {
            Message message = update.getMessage();
            try {
                telegramClient.execute(SendMessage.builder()
                        .chatId(message.getChatId())
                        .text(message.getText())
                        .build());
            } catch (TelegramApiException e) {
                log.warn("{}: echo to chat {} failed: {}", botPath, message.getChatId(), e.getMessage());
            }
        }
        return null;
    }

    @Override
    public void runSetWebhook() {
        try {
            telegramClient.execute(SetWebhook.builder()
                    .url(webhookUrl)
                    .secretToken(secretToken)
                    .build());
        } catch (TelegramApiException e) {
            throw new IllegalStateException("setWebhook for " + botPath + " failed", e);
        }
    }

    @Override
    public void runDeleteWebhook() {
        try {
            telegramClient.execute(new DeleteWebhook());
        } catch (TelegramApiException e) {
            log.info("{}: deleteWebhook failed: {}", botPath, e.getMessage());
        }
    }

    @Override
    public String getBotPath() {
        return botPath;
    }

    /** 256 random bits in the alphabet setWebhook allows for secret_token: A-Z a-z 0-9 _ -. */
    private static String newSecretToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
