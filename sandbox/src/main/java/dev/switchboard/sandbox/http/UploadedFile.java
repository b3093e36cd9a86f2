package dev.switchboard.sandbox.http;

/** A file part of a multipart request. */
public record UploadedFile(String fileName, String contentType, byte[] content) {

    public int size() {
        return content.length;
    }

    @Override
    public String toString() {
        return "UploadedFile[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }
}
