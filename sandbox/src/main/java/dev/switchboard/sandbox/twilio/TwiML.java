package dev.switchboard.sandbox.twilio;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code <Message>} verbs of a messaging TwiML answer: text, media and statusCallback. */
final class TwiML {

    /** One {@code <Message>}: its body, media URLs and statusCallback attribute (or null). */
    record Reply(String body, List<String> mediaUrls, String statusCallback) {
    }

    private static final Pattern MESSAGE = Pattern.compile("<Message(\\s[^>]*)?>(.*?)</Message>", Pattern.DOTALL);
    private static final Pattern BODY = Pattern.compile("<Body>(.*?)</Body>", Pattern.DOTALL);
    private static final Pattern MEDIA = Pattern.compile("<Media>(.*?)</Media>", Pattern.DOTALL);
    private static final Pattern CALLBACK = Pattern.compile("statusCallback\\s*=\\s*\"([^\"]*)\"");

    private TwiML() {
    }

    static List<Reply> replies(String twiml) {
        List<Reply> replies = new ArrayList<>();
        if (twiml == null || !twiml.contains("<Response")) {
            return replies;
        }
        Matcher message = MESSAGE.matcher(twiml);
        while (message.find()) {
            String inner = message.group(2);
            List<String> media = new ArrayList<>();
            Matcher mediaMatcher = MEDIA.matcher(inner);
            while (mediaMatcher.find()) {
                media.add(unescape(mediaMatcher.group(1).trim()));
            }
            Matcher body = BODY.matcher(inner);
            String text = body.find() ? body.group(1) : inner.replaceAll("<Media>.*?</Media>", "");
            Matcher callback = CALLBACK.matcher(message.group(1) == null ? "" : message.group(1));
            replies.add(new Reply(unescape(text.trim()), media, callback.find() ? unescape(callback.group(1)) : null));
        }
        return replies;
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
