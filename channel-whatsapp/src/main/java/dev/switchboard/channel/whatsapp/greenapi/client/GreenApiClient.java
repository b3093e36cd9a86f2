package dev.switchboard.channel.whatsapp.greenapi.client;

import dev.switchboard.channel.whatsapp.greenapi.model.GreenApiSettings;
import dev.switchboard.channel.whatsapp.greenapi.model.LinkButton;
import dev.switchboard.channel.whatsapp.greenapi.model.ReceivedNotification;
import dev.switchboard.channel.whatsapp.greenapi.model.ReplyButton;
import dev.switchboard.core.channel.ChannelException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Green API methods Switchboard uses. One client serves every instance: the instance comes
 * with each call. Sends return Green API's {@code idMessage}, which its status notifications carry.
 */
public interface GreenApiClient {

    /** {@code stateInstance}: authorized, notAuthorized, blocked, sleepMode, starting, yellowCard; null for a new instance. */
    String getStateInstance(GreenApiInstance instance) throws ChannelException;

    GreenApiSettings getSettings(GreenApiInstance instance) throws ChannelException;

    /** Any subset of settings; Green API reboots the instance to apply them. */
    void setSettings(GreenApiInstance instance, Map<String, Object> settings) throws ChannelException;

    String sendMessage(GreenApiInstance instance, String chatId, String text) throws ChannelException;

    String sendFileByUrl(GreenApiInstance instance, String chatId, String url, String fileName, String caption)
            throws ChannelException;

    String sendLocation(GreenApiInstance instance, String chatId, double latitude, double longitude, String name,
                        String address) throws ChannelException;

    String sendContact(GreenApiInstance instance, String chatId, long phone, String firstName) throws ChannelException;

    String sendInteractiveButtonsReply(GreenApiInstance instance, String chatId, String body, List<ReplyButton> buttons)
            throws ChannelException;

    String sendInteractiveButtons(GreenApiInstance instance, String chatId, String body, List<LinkButton> buttons)
            throws ChannelException;

    /** Long poll for the oldest undeleted notification; empty after {@code wait}. */
    Optional<ReceivedNotification> receiveNotification(GreenApiInstance instance, Duration wait)
            throws ChannelException;

    void deleteNotification(GreenApiInstance instance, long receiptId) throws ChannelException;
}
