package dev.switchboard.channel.whatsapp.greenapi.model;

import tools.jackson.databind.JsonNode;

/**
 * A Green API notification (webhook body or receiveNotification's {@code body}): the fields of every
 * {@code typeWebhook} we read. Which are set depends on the type; unknown fields are ignored.
 */
public record GreenNotification(
        String typeWebhook,
        InstanceData instanceData,
        Long timestamp,
        String idMessage,
        SenderData senderData,
        MessageData messageData,
        String chatId,
        String status,
        String description,
        Boolean sendByApi,
        String stateInstance) {

    public record InstanceData(Long idInstance, String wid, String typeInstance) {
    }

    public record SenderData(String chatId, String chatName, String sender, String senderName,
                             String senderContactName) {
    }

    /** {@code messageData}: {@code typeMessage} and the one block that goes with it. */
    public record MessageData(
            String typeMessage,
            TextData textMessageData,
            ExtendedTextData extendedTextMessageData,
            FileData fileMessageData,
            LocationData locationMessageData,
            ContactData contactMessageData,
            ContactsArrayData contactsArrayMessageData,
            ButtonsResponse buttonsResponseMessage,
            TemplateButtonReply templateButtonReplyMessage,
            JsonNode listResponseMessage,
            JsonNode quotedMessage) {
    }

    public record TextData(String textMessage) {
    }

    public record ExtendedTextData(String text, String title, String description, String stanzaId) {
    }

    public record FileData(String downloadUrl, String caption, String fileName, String mimeType) {
    }

    public record LocationData(Double latitude, Double longitude, String nameLocation, String address) {
    }

    public record ContactData(String displayName, String vcard) {
    }

    public record ContactsArrayData(java.util.List<ContactData> contacts) {
    }

    public record ButtonsResponse(String stanzaId, String selectedButtonId, String selectedButtonText) {
    }

    public record TemplateButtonReply(String stanzaId, Integer selectedIndex, String selectedId,
                                      String selectedDisplayText) {
    }
}
