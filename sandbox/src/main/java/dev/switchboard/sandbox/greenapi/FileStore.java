package dev.switchboard.sandbox.greenapi;

import dev.switchboard.sandbox.http.SandboxHandler;
import dev.switchboard.sandbox.http.SandboxRequest;
import dev.switchboard.sandbox.http.SandboxResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files behind the downloadUrls of incoming media and the urlFiles of uploads, served under
 * {@code /downloads/{idInstance}/{name}} without credentials, like Green API's storage links.
 */
final class FileStore implements SandboxHandler {

    static final String PREFIX = "/downloads/";

    private record StoredFile(String mimeType, byte[] content) {
    }

    private final Map<String, StoredFile> files = new ConcurrentHashMap<>();
    private volatile String baseUrl;

    void baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Stores the content and returns its public URL. */
    String store(long idInstance, String fileName, String mimeType, byte[] content, Random random) {
        String path = idInstance + "/" + Ids.hex(random, 8) + extension(fileName);
        files.put(path, new StoredFile(mimeType == null ? mimeFor(fileName) : mimeType, content));
        return baseUrl + PREFIX + path;
    }

    /** Stand-in content that starts with the format's magic bytes. */
    static byte[] synthetic(String fileName, String text) {
        String ext = extension(fileName);
        byte[] magic = switch (ext) {
            case ".jpg", ".jpeg" -> new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};
            case ".png" -> new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
            case ".pdf" -> "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
            case ".ogg", ".oga", ".opus" -> "OggS".getBytes(StandardCharsets.US_ASCII);
            default -> new byte[0];
        };
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[magic.length + body.length];
        System.arraycopy(magic, 0, content, 0, magic.length);
        System.arraycopy(body, 0, content, magic.length, body.length);
        return content;
    }

    void clear() {
        files.clear();
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        StoredFile file = files.get(request.path().substring(PREFIX.length()));
        if (file == null || !(request.method().equals("GET") || request.method().equals("HEAD"))) {
            return GreenErrors.nginx(404, "Not Found");
        }
        return SandboxResponse.bytes(200, file.mimeType(), file.content());
    }

    static String extension(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        return dot < 0 || dot == fileName.length() - 1 ? "" : fileName.substring(dot).toLowerCase(Locale.ROOT);
    }

    static String mimeFor(String fileName) {
        return switch (extension(fileName)) {
            case ".jpg", ".jpeg" -> "image/jpeg";
            case ".png" -> "image/png";
            case ".gif" -> "image/gif";
            case ".webp" -> "image/webp";
            case ".mp4" -> "video/mp4";
            case ".3gp" -> "video/3gpp";
            case ".mov" -> "video/quicktime";
            case ".mp3" -> "audio/mpeg";
            case ".ogg", ".oga", ".opus" -> "audio/ogg";
            case ".m4a" -> "audio/mp4";
            case ".aac" -> "audio/aac";
            case ".wav" -> "audio/wav";
            case ".amr" -> "audio/amr";
            case ".pdf" -> "application/pdf";
            case ".txt" -> "text/plain";
            case ".zip" -> "application/zip";
            case ".docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            case ".xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            default -> "application/octet-stream";
        };
    }

    /** The typeMessage WhatsApp gives a file of this name. */
    static String typeMessageFor(String fileName) {
        String mime = mimeFor(fileName);
        if (mime.startsWith("image/")) {
            return "imageMessage";
        }
        if (mime.startsWith("video/")) {
            return "videoMessage";
        }
        if (mime.startsWith("audio/")) {
            return "audioMessage";
        }
        return "documentMessage";
    }
}
