package dev.switchboard.sandbox.greenapi;

import dev.switchboard.sandbox.http.Json;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * What WhatsApp users do: each injected message lands in the journal and, when the instance's
 * incomingWebhook is "yes", becomes an incomingMessageReceived notification in the shapes of
 * Green API's docs. The sender becomes a registered WhatsApp user. Call with the lock held.
 */
final class Inbound {

    private final GreenState state;
    private final Notifier notifier;
    private final FileStore files;

    Inbound(GreenState state, Notifier notifier, FileStore files) {
        this.state = state;
        this.notifier = notifier;
        this.files = files;
    }

    String text(InstanceAccount account, String from, String name, String text) {
        ObjectNode data = Json.object().put("typeMessage", "textMessage");
        data.set("textMessageData", Json.object().put("textMessage", text));
        return personal(account, from, name, data, Json.object().put("textMessage", text));
    }

    String extendedText(InstanceAccount account, String from, String name, String text, String title,
            String description) {
        ObjectNode data = Json.object().put("typeMessage", "extendedTextMessage");
        data.set("extendedTextMessageData", Json.object().put("text", text).put("description", orEmpty(description))
                .put("title", orEmpty(title)).put("previewType", "None").put("jpegThumbnail", "")
                .put("forwardingScore", 0).put("isForwarded", false));
        return personal(account, from, name, data, Json.object().put("textMessage", text));
    }

    String file(InstanceAccount account, String from, String name, String typeMessage, String fileName,
            String mimeType, String caption) {
        if (!java.util.Set.of("imageMessage", "documentMessage", "audioMessage", "videoMessage").contains(typeMessage)) {
            throw new IllegalArgumentException("typeMessage must be imageMessage, documentMessage, audioMessage or "
                    + "videoMessage, not " + typeMessage);
        }
        String mime = mimeType == null ? FileStore.mimeFor(fileName) : mimeType;
        String url = files.store(account.id(), fileName, mime, FileStore.synthetic(fileName, "sandbox " + fileName),
                state.random);
        ObjectNode fileData = Json.object().put("downloadUrl", url).put("caption", orEmpty(caption))
                .put("fileName", fileName).put("jpegThumbnail", "").put("mimeType", mime)
                .put("forwardingScore", 0).put("isForwarded", false);
        ObjectNode data = Json.object().put("typeMessage", typeMessage);
        data.set("fileMessageData", fileData);
        ObjectNode journal = Json.object().put("downloadUrl", url).put("caption", orEmpty(caption))
                .put("fileName", fileName);
        return personal(account, from, name, data, journal);
    }

    String location(InstanceAccount account, String from, String name, double latitude, double longitude,
            String nameLocation, String address) {
        ObjectNode location = Json.object().put("nameLocation", orEmpty(nameLocation)).put("address", orEmpty(address))
                .put("latitude", latitude).put("longitude", longitude).put("jpegThumbnail", "");
        ObjectNode data = Json.object().put("typeMessage", "locationMessage");
        data.set("locationMessageData", location);
        return personal(account, from, name, data, location.deepCopy());
    }

    String contact(InstanceAccount account, String from, String name, String displayName, String vcard) {
        ObjectNode contact = Json.object().put("displayName", displayName).put("vcard", vcard);
        ObjectNode data = Json.object().put("typeMessage", "contactMessage");
        data.set("contactMessageData", contact);
        return personal(account, from, name, data, contact.deepCopy());
    }

    String buttonReply(InstanceAccount account, String from, String name, String buttonId, String buttonText,
            String stanzaId) {
        ObjectNode reply = Json.object().put("stanzaId", orEmpty(stanzaId)).put("selectedButtonId", buttonId)
                .put("selectedButtonText", buttonText);
        ObjectNode data = Json.object().put("typeMessage", "buttonsResponseMessage");
        data.set("buttonsResponseMessage", reply);
        return personal(account, from, name, data, Json.object().put("textMessage", buttonText));
    }

    String templateButtonReply(InstanceAccount account, String from, String name, String selectedId,
            String selectedDisplayText, int selectedIndex, String stanzaId) {
        ObjectNode reply = Json.object().put("stanzaId", orEmpty(stanzaId)).put("selectedIndex", selectedIndex)
                .put("selectedId", selectedId).put("selectedDisplayText", selectedDisplayText);
        ObjectNode data = Json.object().put("typeMessage", "templateButtonsReplyMessage");
        data.set("templateButtonReplyMessage", reply);
        return personal(account, from, name, data, Json.object().put("textMessage", selectedDisplayText));
    }

    String group(InstanceAccount account, String groupChatId, String participant, String name, String text) {
        if (!Body.GROUP_CHAT.matcher(groupChatId).matches()) {
            throw new IllegalArgumentException("a group chat id looks like 120363043968066561@g.us: " + groupChatId);
        }
        state.groups.putIfAbsent(groupChatId, "Group " + groupChatId.substring(0, groupChatId.indexOf('@')));
        String sender = chatId(participant);
        ObjectNode senderData = Json.object().put("chatId", groupChatId).put("chatName", state.groups.get(groupChatId))
                .put("sender", sender).put("senderName", orEmpty(name)).put("senderContactName", "");
        ObjectNode data = Json.object().put("typeMessage", "textMessage");
        data.set("textMessageData", Json.object().put("textMessage", text));
        return deliver(account, groupChatId, sender, name, senderData, data, Json.object().put("textMessage", text));
    }

    /** A message the owner typed on the linked phone (outgoingMessageReceived). */
    String fromPhone(InstanceAccount account, String toPhone, String text) {
        String chatId = chatId(toPhone);
        String idMessage = Ids.incomingMessageId(state.random);
        ObjectNode data = Json.object().put("typeMessage", "textMessage");
        data.set("textMessageData", Json.object().put("textMessage", text));
        ObjectNode senderData = Json.object().put("chatId", chatId).put("chatName", "")
                .put("sender", account.instance.wid()).put("senderName", "").put("senderContactName", "");
        notifier.emit(account, idMessage, notifier.message(account, "outgoingMessageReceived", idMessage, senderData,
                data), false);
        return idMessage;
    }

    String call(InstanceAccount account, String from) {
        state.whatsAppUsers.add(digits(from));
        String idMessage = Ids.incomingMessageId(state.random);
        notifier.emit(account, idMessage, notifier.incomingCall(account, chatId(from), idMessage, "offer"), false);
        return idMessage;
    }

    private String personal(InstanceAccount account, String from, String name, ObjectNode data, ObjectNode journal) {
        String chatId = chatId(from);
        ObjectNode senderData = Json.object().put("chatId", chatId).put("chatName", orEmpty(name))
                .put("sender", chatId).put("senderName", orEmpty(name)).put("senderContactName", orEmpty(name));
        return deliver(account, chatId, chatId, name, senderData, data, journal);
    }

    private String deliver(InstanceAccount account, String chatId, String sender, String name, ObjectNode senderData,
            ObjectNode data, ObjectNode journal) {
        state.whatsAppUsers.add(sender.substring(0, sender.indexOf('@')));
        String idMessage = Ids.incomingMessageId(state.random);
        JournalEntry entry = JournalEntry.incoming(idMessage, state.clock.unixSeconds(), chatId,
                data.path("typeMessage").asString(), sender, orEmpty(name), journal);
        account.journal.put(InstanceAccount.journalKey(chatId, idMessage), entry);
        notifier.emit(account, idMessage, notifier.message(account, "incomingMessageReceived", idMessage, senderData,
                data), false);
        return idMessage;
    }

    static String digits(String phone) {
        String digits = Objects.requireNonNull(phone, "phone").replaceFirst("^\\+", "").replaceFirst("@c\\.us$", "");
        if (!digits.matches("\\d{7,15}")) {
            throw new IllegalArgumentException("a phone number is 7-15 digits, like 79001234567: " + phone);
        }
        return digits;
    }

    private static String chatId(String phone) {
        return digits(phone) + "@c.us";
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
