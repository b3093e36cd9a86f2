package dev.switchboard.sandbox.openai;

/**
 * One message of a chat request.
 *
 * @param content the text; for the array-of-parts form, the text parts joined by newlines
 *                (image parts as {@code [image]}); empty when the message had no content
 */
public record ChatMessage(String role, String content) {
}
