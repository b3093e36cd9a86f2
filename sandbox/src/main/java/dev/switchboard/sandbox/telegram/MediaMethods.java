package dev.switchboard.sandbox.telegram;

import dev.switchboard.sandbox.http.Json;
import dev.switchboard.sandbox.http.UploadedFile;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * sendPhoto, sendDocument and getFile. Media sent by URL is not fetched (the sandbox is
 * offline); the emulator invents content of a plausible size instead.
 */
final class MediaMethods {

    static final int MAX_CAPTION_LENGTH = 1024;
    private static final long MAX_UPLOAD_BYTES = 50L * 1024 * 1024;
    private static final long MAX_PHOTO_BYTES = 10L * 1024 * 1024;
    private static final long MAX_DOWNLOAD_BYTES = 20L * 1024 * 1024;
    /** Telegram only sends GIF, PDF and ZIP documents by URL. */
    private static final Set<String> URL_DOCUMENT_TYPES = Set.of("gif", "pdf", "zip");

    private final TelegramState state;
    private final Outbox outbox;
    private final MediaFactory media;

    MediaMethods(TelegramState state, Outbox outbox, MediaFactory media) {
        this.state = state;
        this.outbox = outbox;
        this.media = media;
    }

    void register(MethodTable methods) {
        methods.add("sendPhoto", call -> send(call, "photo", StoredFile.Kind.PHOTO))
                .add("sendDocument", call -> send(call, "document", StoredFile.Kind.DOCUMENT))
                .add("getFile", this::getFile);
    }

    private ApiResult send(CallContext call, String field, StoredFile.Kind kind) {
        TelegramParams params = call.params();
        MediaSource source = MediaSource.read(params, field)
                .orElseThrow(() -> ApiException.badRequest("there is no " + field + " in the request"));
        FormattedText caption = FormattedText.fromParams(params, "caption", "caption_entities");
        Optional<JsonNode> markup = ReplyMarkup.read(params);
        Chat chat = outbox.targetChat(call.account(), params);
        if (caption.length() > MAX_CAPTION_LENGTH) {
            throw ApiException.badRequest("message caption is too long");
        }
        JsonNode content = kind == StoredFile.Kind.PHOTO ? photo(call.account(), source)
                : document(call.account(), source);
        ObjectNode message = outbox.compose(call.account(), chat, params);
        message.set(field, content);
        if (!caption.text().isEmpty()) {
            message.put("caption", caption.text());
        }
        if (!caption.entities().isEmpty()) {
            message.set("caption_entities", caption.entitiesJson());
        }
        return outbox.deliver(call, chat, message, markup, source.reference());
    }

    private JsonNode photo(BotAccount bot, MediaSource source) {
        return switch (source.kind()) {
            case FILE_ID -> existing(bot, source.value(), StoredFile.Kind.PHOTO);
            case URL -> media.photo(bot.id(), null);
            case UPLOAD -> media.photo(bot.id(), checkedPhotoUpload(source.upload()));
        };
    }

    private JsonNode document(BotAccount bot, MediaSource source) {
        return switch (source.kind()) {
            case FILE_ID -> existing(bot, source.value(), StoredFile.Kind.DOCUMENT);
            case URL -> documentByUrl(bot, source);
            case UPLOAD -> {
                UploadedFile upload = checkedUpload(source.upload());
                yield media.document(bot.id(), upload.fileName(), upload.contentType(), upload.content());
            }
        };
    }

    private JsonNode documentByUrl(BotAccount bot, MediaSource source) {
        String fileName = source.urlFileName();
        String extension = MediaFactory.extension(fileName);
        if (!extension.isEmpty() && !URL_DOCUMENT_TYPES.contains(extension)) {
            throw ApiException.badRequest("wrong type of the web page content");
        }
        String mimeType = MediaFactory.guessMimeType(extension.isEmpty() ? "file.pdf" : fileName);
        return media.document(bot.id(), fileName, mimeType, SyntheticBytes.forMimeType(mimeType, 24_000, state.random));
    }

    /** file_ids belong to one bot and one kind of media. */
    private JsonNode existing(BotAccount bot, String fileId, StoredFile.Kind wanted) {
        StoredFile file = state.files.byId(bot.id(), fileId);
        if (file == null) {
            throw ApiException.badRequest("wrong file identifier/HTTP URL specified");
        }
        if (file.kind() != wanted) {
            throw ApiException.badRequest("can't use file of type " + typeName(file.kind()) + " as "
                    + typeName(wanted));
        }
        return file.media().deepCopy();
    }

    private static byte[] checkedPhotoUpload(UploadedFile upload) {
        checkedUpload(upload);
        if (upload.size() > MAX_PHOTO_BYTES) {
            throw ApiException.badRequest("file is too big");
        }
        if (!SyntheticBytes.isImage(upload.content())) {
            throw ApiException.badRequest("IMAGE_PROCESS_FAILED");
        }
        return upload.content();
    }

    private static UploadedFile checkedUpload(UploadedFile upload) {
        if (upload.size() > MAX_UPLOAD_BYTES) {
            throw new ApiException(413, "Request Entity Too Large", null);
        }
        return upload;
    }

    private ApiResult getFile(CallContext call) {
        String fileId = call.params().string("file_id").orElse("");
        StoredFile file = state.files.byId(call.account().id(), fileId.trim());
        if (file == null) {
            throw ApiException.badRequest("invalid file_id");
        }
        if (file.content().length > MAX_DOWNLOAD_BYTES) {
            throw ApiException.badRequest("file is too big");
        }
        ObjectNode result = Json.object();
        result.put("file_id", file.fileId());
        result.put("file_unique_id", file.fileUniqueId());
        result.put("file_size", file.content().length);
        result.put("file_path", file.filePath());
        return ApiResult.of(result);
    }

    private static String typeName(StoredFile.Kind kind) {
        String name = kind.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
