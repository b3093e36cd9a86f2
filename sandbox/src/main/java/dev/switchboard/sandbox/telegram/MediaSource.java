package dev.switchboard.sandbox.telegram;

import dev.switchboard.sandbox.http.UploadedFile;
import java.util.Locale;
import java.util.Optional;

/**
 * How a send method named its media: an uploaded multipart file (directly or via
 * {@code attach://name}), an http(s) URL for Telegram to fetch, or an existing file_id.
 */
record MediaSource(Kind kind, String value, UploadedFile upload) {

    enum Kind { UPLOAD, URL, FILE_ID }

    static Optional<MediaSource> read(TelegramParams params, String field) {
        Optional<UploadedFile> direct = params.file(field);
        if (direct.isPresent()) {
            return Optional.of(upload(direct.get()));
        }
        Optional<String> text = params.string(field).map(String::trim).filter(value -> !value.isEmpty());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String value = text.get();
        if (value.startsWith("attach://")) {
            return params.file(value.substring("attach://".length())).map(MediaSource::upload);
        }
        String lower = value.toLowerCase(Locale.ROOT);
        Kind kind = lower.startsWith("http://") || lower.startsWith("https://") ? Kind.URL : Kind.FILE_ID;
        return Optional.of(new MediaSource(kind, value, null));
    }

    private static MediaSource upload(UploadedFile file) {
        return new MediaSource(Kind.UPLOAD, file.fileName(), file);
    }

    /** How {@link SentMessage#media()} shows it. */
    String reference() {
        return kind == Kind.UPLOAD ? "upload:" + value : value;
    }

    /** The last path segment of a URL, for the file name Telegram gives fetched documents. */
    String urlFileName() {
        String path = value.replaceFirst("[?#].*$", "");
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isEmpty() ? "file" : name;
    }
}
