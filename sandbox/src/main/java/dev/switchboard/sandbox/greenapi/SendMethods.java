package dev.switchboard.sandbox.greenapi;

import dev.switchboard.sandbox.http.Json;
import java.net.URI;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * sendMessage, sendFileByUrl, sendLocation, sendContact, sendPoll and the beta interactive
 * button methods, with Green API's limits: text ≤ 20 000 characters, caption ≤ 1024, a file name
 * with an extension, ≤ 3 buttons. The legacy button and list methods answer 403.
 */
final class SendMethods {

    static final int MAX_TEXT = 20_000;
    static final int MAX_CAPTION = 1024;
    static final int MAX_BUTTONS = 3;

    private static final Set<String> COMMON = Set.of("chatId", "quotedMessageId", "typingTime", "typingType",
            "archiveChat");

    private final Outbox outbox;

    SendMethods(Outbox outbox) {
        this.outbox = outbox;
    }

    void register(MethodTable table) {
        table.add("sendMessage", "POST", this::sendMessage)
                .add("sendFileByUrl", "POST", this::sendFileByUrl)
                .add("sendLocation", "POST", this::sendLocation)
                .add("sendContact", "POST", this::sendContact)
                .add("sendPoll", "POST", this::sendPoll)
                .add("sendInteractiveButtons", "POST", this::sendInteractiveButtons)
                .add("sendInteractiveButtonsReply", "POST", this::sendInteractiveButtonsReply)
                .add("sendButtons", "POST", call -> {
                    throw GreenErrors.forbidden();
                })
                .add("sendTemplateButtons", "POST", call -> {
                    throw GreenErrors.forbidden();
                })
                .add("sendListMessage", "POST", call -> {
                    throw GreenErrors.forbidden();
                });
    }

    private JsonNode sendMessage(MethodCall call) {
        Body body = Body.parse(call.request(), allowed("message", "linkPreview", "typePreview", "customPreview"));
        String chatId = body.chatId();
        String text = body.maxLength("message", body.requiredString("message"), MAX_TEXT);
        body.optionalBoolean("linkPreview");
        quoted(body);
        ObjectNode data = Json.object().put("typeMessage", "extendedTextMessage");
        data.set("extendedTextMessageData", Json.object().put("text", text).put("description", "").put("title", "")
                .put("previewType", "None").put("jpegThumbnail", "").put("forwardingScore", 0)
                .put("isForwarded", false));
        ObjectNode journal = Json.object().put("textMessage", text);
        return outbox.answer(call, new Outbox.Send(chatId, "textMessage", journal, data, body.asMap()));
    }

    private JsonNode sendFileByUrl(MethodCall call) {
        Body body = Body.parse(call.request(), allowed("urlFile", "fileName", "caption"));
        String chatId = body.chatId();
        String urlFile = body.requiredString("urlFile");
        if (!isHttpUrl(urlFile)) {
            throw GreenErrors.validation("'urlFile' must be a valid uri");
        }
        String fileName = requireExtension(body.requiredString("fileName"));
        String caption = body.maxLength("caption", body.optionalString("caption"), MAX_CAPTION);
        quoted(body);
        return outbox.answer(call, file(chatId, urlFile, fileName, caption, body.asMap()));
    }

    /** The messageData and journal of a file send (by URL or upload). */
    static Outbox.Send file(String chatId, String url, String fileName, String caption,
            java.util.Map<String, Object> recorded) {
        String type = FileStore.typeMessageFor(fileName);
        ObjectNode fileData = Json.object().put("downloadUrl", url).put("caption", caption == null ? "" : caption)
                .put("fileName", fileName).put("jpegThumbnail", "").put("mimeType", FileStore.mimeFor(fileName))
                .put("forwardingScore", 0).put("isForwarded", false);
        ObjectNode data = Json.object().put("typeMessage", type);
        data.set("fileMessageData", fileData);
        ObjectNode journal = Json.object().put("downloadUrl", url).put("caption", caption == null ? "" : caption)
                .put("fileName", fileName);
        return new Outbox.Send(chatId, type, journal, data, recorded);
    }

    static String requireExtension(String fileName) {
        if (FileStore.extension(fileName).isEmpty()) {
            throw GreenErrors.validation("'fileName' must contain the file extension, e.g. 'photo.jpg'");
        }
        return fileName;
    }

    private JsonNode sendLocation(MethodCall call) {
        Body body = Body.parse(call.request(), allowed("nameLocation", "address", "latitude", "longitude"));
        String chatId = body.chatId();
        String name = body.optionalString("nameLocation");
        String address = body.optionalString("address");
        double latitude = range(body, "latitude", 90);
        double longitude = range(body, "longitude", 180);
        quoted(body);
        ObjectNode location = Json.object().put("nameLocation", name == null ? "" : name)
                .put("address", address == null ? "" : address).put("latitude", latitude).put("longitude", longitude)
                .put("jpegThumbnail", "");
        ObjectNode data = Json.object().put("typeMessage", "locationMessage");
        data.set("locationMessageData", location);
        ObjectNode journal = Json.object().put("latitude", latitude).put("longitude", longitude)
                .put("nameLocation", name == null ? "" : name).put("address", address == null ? "" : address);
        return outbox.answer(call, new Outbox.Send(chatId, "locationMessage", journal, data, body.asMap()));
    }

    private JsonNode sendContact(MethodCall call) {
        Body body = Body.parse(call.request(), allowed("contact"));
        String chatId = body.chatId();
        if (!body.has("contact")) {
            throw GreenErrors.validation("'contact' is required");
        }
        if (!body.node("contact").isObject()) {
            throw GreenErrors.validation("'contact' must be of type object");
        }
        Body contact = Body.of((ObjectNode) body.node("contact"));
        for (String name : contact.json().propertyNames()) {
            if (!Set.of("phoneContact", "firstName", "middleName", "lastName", "company").contains(name)) {
                throw GreenErrors.validation("'contact." + name + "' is not allowed");
            }
        }
        long phone = contact.requiredInteger("phoneContact");
        String first = orEmpty(contact.optionalString("firstName"));
        String middle = orEmpty(contact.optionalString("middleName"));
        String last = orEmpty(contact.optionalString("lastName"));
        String company = orEmpty(contact.optionalString("company"));
        quoted(body);
        String displayName = String.join(" ", java.util.stream.Stream.of(first, middle, last)
                .filter(part -> !part.isEmpty()).toList());
        String vcard = "BEGIN:VCARD\nVERSION:3.0\nN:" + last + ";" + first + ";" + middle + ";;\nFN:" + displayName
                + (company.isEmpty() ? "" : "\nORG:" + company) + "\nTEL;type=CELL;waid=" + phone + ":+" + phone
                + "\nEND:VCARD";
        ObjectNode data = Json.object().put("typeMessage", "contactMessage");
        data.set("contactMessageData", Json.object().put("displayName", displayName).put("vcard", vcard));
        ObjectNode journal = Json.object().put("displayName", displayName).put("vcard", vcard);
        return outbox.answer(call, new Outbox.Send(chatId, "contactMessage", journal, data, body.asMap()));
    }

    private JsonNode sendPoll(MethodCall call) {
        Body body = Body.parse(call.request(), allowed("message", "options", "multipleAnswers"));
        String chatId = body.chatId();
        String question = body.maxLength("message", body.requiredString("message"), 255);
        ArrayNode options = array(body, "options", 2, 12);
        for (JsonNode option : options) {
            if (!option.isObject() || !option.path("optionName").isString() || option.path("optionName").asString()
                    .isEmpty()) {
                throw GreenErrors.validation("'options' items must have a non-empty 'optionName'");
            }
        }
        Boolean multiple = body.optionalBoolean("multipleAnswers");
        ObjectNode poll = Json.object().put("name", question).put("multipleAnswers", Boolean.TRUE.equals(multiple));
        poll.set("options", options.deepCopy());
        ObjectNode data = Json.object().put("typeMessage", "pollMessage");
        data.set("pollMessageData", poll);
        return outbox.answer(call, new Outbox.Send(chatId, "pollMessage", poll.deepCopy(), data, body.asMap()));
    }

    private JsonNode sendInteractiveButtons(MethodCall call) {
        if (call.account().interactiveForbidden) {
            throw GreenErrors.forbidden();
        }
        Body body = Body.parse(call.request(), allowed("header", "body", "footer", "buttons"));
        String chatId = body.chatId();
        ArrayNode buttons = array(body, "buttons", 1, MAX_BUTTONS);
        for (JsonNode button : buttons) {
            interactiveButton(button);
        }
        return outbox.answer(call, interactive(chatId, body, "interactiveButtons", buttons));
    }

    private JsonNode sendInteractiveButtonsReply(MethodCall call) {
        if (call.account().interactiveForbidden) {
            throw GreenErrors.forbidden();
        }
        Body body = Body.parse(call.request(), allowed("header", "body", "footer", "buttons"));
        String chatId = body.chatId();
        ArrayNode buttons = array(body, "buttons", 1, MAX_BUTTONS);
        for (JsonNode button : buttons) {
            Body fields = button.isObject() ? Body.of((ObjectNode) button) : null;
            if (fields == null) {
                throw GreenErrors.validation("'buttons' items must be of type object");
            }
            fields.requiredString("buttonId");
            fields.maxLength("buttonText", fields.requiredString("buttonText"), 25);
        }
        return outbox.answer(call, interactive(chatId, body, "interactiveButtonsReply", buttons));
    }

    private static void interactiveButton(JsonNode button) {
        if (!button.isObject()) {
            throw GreenErrors.validation("'buttons' items must be of type object");
        }
        Body fields = Body.of((ObjectNode) button);
        String type = fields.requiredString("type");
        fields.maxLength("buttonText", fields.requiredString("buttonText"), 25);
        switch (type) {
            case "copy" -> fields.requiredString("copyCode");
            case "call" -> fields.requiredString("phoneNumber");
            case "url" -> {
                if (!isHttpUrl(fields.requiredString("url"))) {
                    throw GreenErrors.validation("'url' must be a valid uri");
                }
            }
            default -> throw GreenErrors.validation("'type' must be one of [copy, call, url]");
        }
    }

    private static Outbox.Send interactive(String chatId, Body body, String type, ArrayNode buttons) {
        String text = body.maxLength("body", body.requiredString("body"), 1024);
        String header = body.maxLength("header", body.optionalString("header"), 60);
        String footer = body.maxLength("footer", body.optionalString("footer"), 60);
        ObjectNode content = Json.object().put("titleText", orEmpty(header)).put("contentText", text)
                .put("footerText", orEmpty(footer));
        content.set("buttons", buttons.deepCopy());
        ObjectNode data = Json.object().put("typeMessage", type);
        data.set(type, content);
        return new Outbox.Send(chatId, type, content.deepCopy(), data, body.asMap());
    }

    private static ArrayNode array(Body body, String name, int min, int max) {
        if (!body.has(name)) {
            throw GreenErrors.validation("'" + name + "' is required");
        }
        if (!(body.node(name) instanceof ArrayNode array)) {
            throw GreenErrors.validation("'" + name + "' must be an array");
        }
        if (array.size() < min) {
            throw GreenErrors.validation("'" + name + "' must contain at least " + min + " items");
        }
        if (array.size() > max) {
            throw GreenErrors.validation("'" + name + "' must contain less than or equal to " + max + " items");
        }
        return array;
    }

    private static double range(Body body, String name, double limit) {
        double value = body.requiredNumber(name);
        if (value < -limit || value > limit) {
            throw GreenErrors.validation("'" + name + "' must be between -" + (int) limit + " and " + (int) limit);
        }
        return value;
    }

    private static void quoted(Body body) {
        String quoted = body.optionalString("quotedMessageId");
        if (quoted != null && quoted.length() < 16) {
            throw GreenErrors.validation("'message id' must be at least 16 symbols");
        }
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() != null && uri.getScheme().matches("https?") && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Set<String> allowed(String... names) {
        java.util.HashSet<String> allowed = new java.util.HashSet<>(COMMON);
        allowed.addAll(java.util.List.of(names));
        return allowed;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
