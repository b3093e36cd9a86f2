package dev.switchboard.sandbox.telegram;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** sendMessage, sendLocation, sendContact and sendChatAction. */
final class MessageMethods {

    static final int MAX_TEXT_LENGTH = 4096;
    private static final Set<String> CHAT_ACTIONS = Set.of("cancel", "typing", "upload_photo", "record_video",
            "upload_video", "record_audio", "record_voice", "upload_audio", "upload_voice", "upload_document",
            "choose_sticker", "pick_up_location", "find_location", "record_video_note", "upload_video_note");

    private final Outbox outbox;

    MessageMethods(Outbox outbox) {
        this.outbox = outbox;
    }

    void register(MethodTable methods) {
        methods.add("sendMessage", this::sendMessage)
                .add("sendLocation", this::sendLocation)
                .add("sendContact", this::sendContact)
                .add("sendChatAction", this::sendChatAction);
    }

    /** The Bot API checks the text first, then the markup, then the chat. */
    private ApiResult sendMessage(CallContext call) {
        TelegramParams params = call.params();
        if (params.string("text").isEmpty()) {
            throw ApiException.badRequest("message text is empty");
        }
        FormattedText text = FormattedText.fromParams(params, "text", "entities");
        Optional<JsonNode> markup = ReplyMarkup.read(params);
        Chat chat = outbox.targetChat(call.account(), params);
        if (text.isBlank()) {
            throw ApiException.badRequest("message text is empty");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw ApiException.badRequest("message is too long");
        }
        ObjectNode message = outbox.compose(call.account(), chat, params);
        message.put("text", text.text());
        if (!text.entities().isEmpty()) {
            message.set("entities", text.entitiesJson());
        }
        return outbox.deliver(call, chat, message, markup, null);
    }

    private ApiResult sendLocation(CallContext call) {
        TelegramParams params = call.params();
        if (params.string("latitude").isEmpty()) {
            throw ApiException.badRequest("latitude is empty");
        }
        if (params.string("longitude").isEmpty()) {
            throw ApiException.badRequest("longitude is empty");
        }
        double latitude = params.doubleValue("latitude");
        double longitude = params.doubleValue("longitude");
        Optional<JsonNode> markup = ReplyMarkup.read(params);
        Chat chat = outbox.targetChat(call.account(), params);
        if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
            throw ApiException.badRequest("wrong location specified");
        }
        ObjectNode message = outbox.compose(call.account(), chat, params);
        ObjectNode location = message.putObject("location");
        location.put("latitude", latitude);
        location.put("longitude", longitude);
        return outbox.deliver(call, chat, message, markup, null);
    }

    private ApiResult sendContact(CallContext call) {
        TelegramParams params = call.params();
        String phone = params.required("phone_number");
        String firstName = params.required("first_name");
        Optional<JsonNode> markup = ReplyMarkup.read(params);
        Chat chat = outbox.targetChat(call.account(), params);
        ObjectNode message = outbox.compose(call.account(), chat, params);
        ObjectNode contact = message.putObject("contact");
        contact.put("phone_number", phone);
        contact.put("first_name", firstName);
        params.string("last_name").ifPresent(lastName -> contact.put("last_name", lastName));
        params.string("vcard").ifPresent(vcard -> contact.put("vcard", vcard));
        return outbox.deliver(call, chat, message, markup, null);
    }

    private ApiResult sendChatAction(CallContext call) {
        String action = call.params().string("action").orElse("").toLowerCase(Locale.ROOT);
        if (!CHAT_ACTIONS.contains(action)) {
            throw ApiException.badRequest("wrong parameter action in request");
        }
        outbox.targetChat(call.account(), call.params());
        return ApiResult.ok();
    }
}
