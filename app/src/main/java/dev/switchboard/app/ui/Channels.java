package dev.switchboard.app.ui;

import java.util.Map;

/** How the pages name channel types and what they tell a user to do about a broken one. */
final class Channels {

    private static final Map<String, String> LABELS = Map.of(
            "telegram", "Telegram bot",
            "greenapi", "WhatsApp (Green API)",
            "twilio", "WhatsApp (Twilio)",
            "google_calendar", "Google Calendar");

    private static final Map<String, String> REMEDIES = Map.of(
            "telegram", "Open @BotFather in Telegram, send /mybots, choose the bot and copy its API token; paste it "
                    + "under \u201cReplace credentials\u201d. If the token is right, press \u201cTest connection\u201d.",
            "greenapi", "Open the instance in the Green API console: it must be authorized (scan the QR code with "
                    + "the phone). Then press \u201cEnable\u201d, or replace the credentials if the token changed.",
            "twilio", "Check the Account SID and Auth Token in the Twilio console (Account \u2192 API keys & tokens) "
                    + "and replace the credentials; then press \u201cTest connection\u201d.");

    private Channels() {
    }

    static String label(String type) {
        return LABELS.getOrDefault(type, type);
    }

    static String remedy(String type) {
        return REMEDIES.getOrDefault(type, "Replace the credentials, then press \u201cTest connection\u201d.");
    }
}
