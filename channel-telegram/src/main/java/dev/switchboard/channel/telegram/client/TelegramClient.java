package dev.switchboard.channel.telegram.client;

import dev.switchboard.channel.telegram.model.InlineKeyboard;
import dev.switchboard.channel.telegram.model.TgMessage;
import dev.switchboard.channel.telegram.model.TgUpdate;
import dev.switchboard.channel.telegram.model.TgUser;
import dev.switchboard.channel.telegram.model.TgWebhookInfo;
import dev.switchboard.core.channel.ChannelException;
import dev.switchboard.core.vault.Secret;
import java.time.Duration;
import java.util.List;

/** The Bot API methods Switchboard uses. One client serves every bot: the token comes with each call. */
public interface TelegramClient {

    TgUser getMe(Secret token) throws ChannelException;

    void setWebhook(Secret token, String url, String secretToken, List<String> allowedUpdates) throws ChannelException;

    void deleteWebhook(Secret token, boolean dropPendingUpdates) throws ChannelException;

    TgWebhookInfo getWebhookInfo(Secret token) throws ChannelException;

    /** Long poll: returns as soon as updates exist, or empty after {@code timeout}. */
    List<TgUpdate> getUpdates(Secret token, Long offset, Duration timeout, List<String> allowedUpdates)
            throws ChannelException;

    TgMessage sendMessage(Secret token, String chatId, String text, InlineKeyboard keyboard) throws ChannelException;

    TgMessage sendPhoto(Secret token, String chatId, String photoUrl, String caption, InlineKeyboard keyboard)
            throws ChannelException;

    TgMessage sendDocument(Secret token, String chatId, String documentUrl, String caption, InlineKeyboard keyboard)
            throws ChannelException;

    TgMessage sendLocation(Secret token, String chatId, double latitude, double longitude) throws ChannelException;

    TgMessage sendContact(Secret token, String chatId, String phoneNumber, String firstName) throws ChannelException;

    void answerCallbackQuery(Secret token, String callbackQueryId, String text) throws ChannelException;
}
