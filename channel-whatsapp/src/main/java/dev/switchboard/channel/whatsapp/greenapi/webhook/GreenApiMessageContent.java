package dev.switchboard.channel.whatsapp.greenapi.webhook;

import dev.switchboard.channel.whatsapp.PhoneNumbers;
import dev.switchboard.channel.whatsapp.greenapi.model.GreenNotification.ButtonsResponse;
import dev.switchboard.channel.whatsapp.greenapi.model.GreenNotification.ContactData;
import dev.switchboard.channel.whatsapp.greenapi.model.GreenNotification.FileData;
import dev.switchboard.channel.whatsapp.greenapi.model.GreenNotification.LocationData;
import dev.switchboard.channel.whatsapp.greenapi.model.GreenNotification.MessageData;
import dev.switchboard.channel.whatsapp.greenapi.model.GreenNotification.TemplateButtonReply;
import dev.switchboard.core.channel.MessageKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What a person sent, by {@code typeMessage}: text, the media URL Green API keeps the file at,
 * coordinates, a contact card, the button they tapped. The payload shapes match the other
 * channels' ({@code media}, {@code location}, {@code contact}; a button's {@code data}).
 */
final class GreenApiMessageContent {

    /** {@code TEL;type=CELL;waid=79001234567:+7 900 123-45-67}: the number after the colon. */
    private static final Pattern VCARD_TEL = Pattern.compile("(?m)^TEL[^:\\n]*:([^\\n\\r]+)");
    private static final Pattern VCARD_WAID = Pattern.compile("waid=(\\d{7,15})");

    record Content(MessageKind kind, String text, Map<String, Object> payload) {
    }

    Content of(MessageData data) {
        String type = data.typeMessage() == null ? "" : data.typeMessage();
        Map<String, Object> payload = new LinkedHashMap<>();
        return switch (type) {
            case "textMessage" -> new Content(MessageKind.TEXT,
                    data.textMessageData() == null ? null : data.textMessageData().textMessage(), payload);
            case "extendedTextMessage", "quotedMessage" -> extendedText(data, payload);
            case "imageMessage" -> file(MessageKind.PHOTO, data.fileMessageData(), payload);
            case "videoMessage" -> file(MessageKind.VIDEO, data.fileMessageData(), payload);
            case "documentMessage" -> file(MessageKind.DOCUMENT, data.fileMessageData(), payload);
            case "audioMessage" -> file(isVoice(data.fileMessageData()) ? MessageKind.VOICE : MessageKind.AUDIO,
                    data.fileMessageData(), payload);
            case "locationMessage", "liveLocationMessage" -> location(data.locationMessageData(), payload);
            case "contactMessage" -> contact(data.contactMessageData() == null ? List.of()
                    : List.of(data.contactMessageData()), payload);
            case "contactsArrayMessage" -> contact(data.contactsArrayMessageData() == null
                    || data.contactsArrayMessageData().contacts() == null ? List.of()
                    : data.contactsArrayMessageData().contacts(), payload);
            case "buttonsResponseMessage" -> buttons(data.buttonsResponseMessage(), payload);
            case "templateButtonsReplyMessage", "templateButtonReplyMessage" ->
                    templateButton(data.templateButtonReplyMessage(), payload);
            case "listResponseMessage" -> listReply(data.listResponseMessage(), payload);
            default -> {
                payload.put("typeMessage", type);
                yield new Content(MessageKind.OTHER, null, payload);
            }
        };
    }

    private static Content extendedText(MessageData data, Map<String, Object> payload) {
        var extended = data.extendedTextMessageData();
        if (extended == null) {
            return new Content(MessageKind.TEXT, null, payload);
        }
        if (!GreenApiNotificationParser.blank(extended.title()) || !GreenApiNotificationParser.blank(extended.description())) {
            Map<String, Object> preview = new LinkedHashMap<>();
            preview.put("title", extended.title());
            preview.put("description", extended.description());
            payload.put("linkPreview", preview);
        }
        JsonNode quoted = data.quotedMessage();
        if (quoted != null && quoted.path("stanzaId").isString()) {
            payload.put("replyTo", quoted.path("stanzaId").asString());
        }
        return new Content(MessageKind.TEXT, extended.text(), payload);
    }

    private static Content file(MessageKind kind, FileData file, Map<String, Object> payload) {
        if (file == null) {
            return new Content(kind, null, payload);
        }
        Map<String, Object> media = new LinkedHashMap<>();
        media.put("url", file.downloadUrl());
        media.put("fileName", file.fileName());
        media.put("mimeType", file.mimeType());
        media.put("caption", emptyToNull(file.caption()));
        payload.put("media", media);
        return new Content(kind, emptyToNull(file.caption()), payload);
    }

    /** WhatsApp voice notes are Opus in OGG; other audio is a file someone shared. */
    private static boolean isVoice(FileData file) {
        return file != null && file.mimeType() != null && file.mimeType().toLowerCase(Locale.ROOT).startsWith("audio/ogg");
    }

    private static Content location(LocationData location, Map<String, Object> payload) {
        if (location == null) {
            return new Content(MessageKind.LOCATION, null, payload);
        }
        Map<String, Object> place = new LinkedHashMap<>();
        place.put("latitude", location.latitude());
        place.put("longitude", location.longitude());
        place.put("name", emptyToNull(location.nameLocation()));
        place.put("address", emptyToNull(location.address()));
        payload.put("location", place);
        return new Content(MessageKind.LOCATION, null, payload);
    }

    private static Content contact(List<ContactData> contacts, Map<String, Object> payload) {
        List<Map<String, Object>> cards = contacts.stream().map(GreenApiMessageContent::card).toList();
        if (!cards.isEmpty()) {
            payload.put("contact", cards.get(0));
        }
        if (cards.size() > 1) {
            payload.put("contacts", cards);
        }
        return new Content(MessageKind.CONTACT, null, payload);
    }

    private static Map<String, Object> card(ContactData contact) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("name", contact.displayName());
        card.put("phone", phoneOf(contact.vcard()));
        card.put("vcard", contact.vcard());
        return card;
    }

    /** The card's WhatsApp number (waid) if it has one, else its first TEL, in E.164 where possible. */
    static String phoneOf(String vcard) {
        if (vcard == null) {
            return null;
        }
        Matcher waid = VCARD_WAID.matcher(vcard);
        if (waid.find()) {
            return "+" + waid.group(1);
        }
        Matcher tel = VCARD_TEL.matcher(vcard);
        if (!tel.find()) {
            return null;
        }
        String number = tel.group(1).trim();
        return PhoneNumbers.e164(number).orElse(number);
    }

    private static Content buttons(ButtonsResponse reply, Map<String, Object> payload) {
        if (reply == null) {
            return new Content(MessageKind.BUTTON, null, payload);
        }
        return button(reply.selectedButtonId(), reply.selectedButtonText(), reply.stanzaId(), payload);
    }

    private static Content templateButton(TemplateButtonReply reply, Map<String, Object> payload) {
        if (reply == null) {
            return new Content(MessageKind.BUTTON, null, payload);
        }
        payload.put("index", reply.selectedIndex());
        return button(reply.selectedId(), reply.selectedDisplayText(), reply.stanzaId(), payload);
    }

    /** The shape of a list reply is not confirmed: take the row id where there is one, else the title. */
    private static Content listReply(JsonNode reply, Map<String, Object> payload) {
        if (reply == null || reply.isNull()) {
            return new Content(MessageKind.BUTTON, null, payload);
        }
        JsonNode select = reply.path("singleSelectReply");
        String id = select.isString() ? select.asString() : select.path("selectedRowId").asString(null);
        String title = reply.path("title").asString(null);
        return button(id != null ? id : title, title, reply.path("stanzaId").asString(null), payload);
    }

    /** Like a Telegram button press: {@code data} is the button's id, which is also the message text. */
    private static Content button(String id, String title, String repliedTo, Map<String, Object> payload) {
        String data = GreenApiNotificationParser.blank(id) ? title : id;
        payload.put("data", data);
        payload.put("title", title);
        payload.put("messageId", emptyToNull(repliedTo));
        return new Content(MessageKind.BUTTON, data, payload);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
