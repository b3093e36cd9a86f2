package dev.switchboard.sandbox.greenapi;

import dev.switchboard.sandbox.http.Json;
import dev.switchboard.sandbox.http.MalformedRequestException;
import dev.switchboard.sandbox.http.RequestParams;
import dev.switchboard.sandbox.http.UploadedFile;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The media-host methods: sendFileByUpload (multipart: chatId, file, fileName?, caption?) and
 * uploadFile (the raw file as body, its type in Content-Type, its name in GE-File-Name).
 */
final class UploadMethods {

    private final GreenState state;
    private final Outbox outbox;
    private final FileStore files;

    UploadMethods(GreenState state, Outbox outbox, FileStore files) {
        this.state = state;
        this.outbox = outbox;
        this.files = files;
    }

    void register(MethodTable table) {
        table.addMedia("sendFileByUpload", "POST", this::sendFileByUpload)
                .addMedia("uploadFile", "POST", this::uploadFile);
    }

    private JsonNode sendFileByUpload(MethodCall call) {
        RequestParams params = params(call);
        String chatId = text(params, "chatId")
                .orElseThrow(() -> GreenErrors.validation("'chatId' is required"));
        if (!Body.PERSONAL_CHAT.matcher(chatId).matches() && !Body.GROUP_CHAT.matcher(chatId).matches()) {
            throw GreenErrors.validation("'chatId' must be one of the next formats: 'phone_number@c.us' or 'group_id@g.us");
        }
        UploadedFile file = params.file("file").orElseThrow(() -> GreenErrors.validation("'file' is required"));
        String fileName = SendMethods.requireExtension(text(params, "fileName").orElse(file.fileName()));
        String caption = text(params, "caption").orElse(null);
        if (caption != null && caption.length() > SendMethods.MAX_CAPTION) {
            throw GreenErrors.validation("'caption' length must be less than or equal to 1024 characters long");
        }
        String url = files.store(call.account().id(), fileName, contentType(file, fileName), file.content(),
                state.random);
        Map<String, Object> recorded = new LinkedHashMap<>(params.asText());
        String idMessage = outbox.accept(call, SendMethods.file(chatId, url, fileName, caption, recorded));
        return Json.object().put("idMessage", idMessage).put("urlFile", url);
    }

    private JsonNode uploadFile(MethodCall call) {
        byte[] content;
        String mimeType;
        String fileName = call.request().header("GE-File-Name").orElse(null);
        if (call.request().contentType().is("multipart/form-data")) {
            UploadedFile file = params(call).file("file")
                    .orElseThrow(() -> GreenErrors.validation("'file' is required"));
            content = file.content();
            fileName = fileName == null ? file.fileName() : fileName;
            mimeType = contentType(file, fileName);
        } else {
            content = call.request().body();
            String type = call.request().contentType().value();
            mimeType = type.isEmpty() ? FileStore.mimeFor(fileName) : type;
        }
        if (content.length == 0) {
            throw GreenErrors.badRequest("bad request data");
        }
        String name = fileName == null ? "file" + extensionFor(mimeType) : fileName;
        return Json.object().put("urlFile", files.store(call.account().id(), name, mimeType, content, state.random));
    }

    private static RequestParams params(MethodCall call) {
        try {
            return call.request().params();
        } catch (MalformedRequestException e) {
            throw GreenErrors.badRequest("bad request data");
        }
    }

    private static Optional<String> text(RequestParams params, String name) {
        return params.text(name).filter(value -> !value.isEmpty());
    }

    private static String contentType(UploadedFile file, String fileName) {
        String declared = file.contentType();
        return declared == null || declared.isBlank() || declared.equals("application/octet-stream")
                ? FileStore.mimeFor(fileName) : declared;
    }

    private static String extensionFor(String mimeType) {
        return switch (mimeType) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "application/pdf" -> ".pdf";
            case "audio/ogg" -> ".ogg";
            case "video/mp4" -> ".mp4";
            default -> "";
        };
    }
}
