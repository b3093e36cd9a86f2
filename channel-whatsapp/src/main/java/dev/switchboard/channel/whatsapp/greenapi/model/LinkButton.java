package dev.switchboard.channel.whatsapp.greenapi.model;

/** A {@code type: "url"} button of {@code sendInteractiveButtons}: it opens {@code url}. */
public record LinkButton(String type, String buttonId, String buttonText, String url) {

    public static LinkButton of(String buttonId, String buttonText, String url) {
        return new LinkButton("url", buttonId, buttonText, url);
    }
}
