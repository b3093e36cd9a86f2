package dev.switchboard.channel.whatsapp.greenapi.model;

/** A quick-reply button of {@code sendInteractiveButtonsReply}: its tap comes back into the chat. */
public record ReplyButton(String buttonId, String buttonText) {
}
