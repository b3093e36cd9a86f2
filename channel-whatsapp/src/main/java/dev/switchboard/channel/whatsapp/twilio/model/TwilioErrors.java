package dev.switchboard.channel.whatsapp.twilio.model;

/** Twilio error codes that need words a person can act on, wherever they show up (REST answer or status callback). */
public final class TwilioErrors {

    /** Free-form message outside WhatsApp's 24-hour customer-service window. */
    public static final int OUTSIDE_WINDOW = 63016;
    public static final int AUTHENTICATION = 20003;

    public static final String OUTSIDE_WINDOW_TEXT = "outside the 24-hour window: a template is needed";

    private TwilioErrors() {
    }

    /** A sentence for a failed message: ours for codes that need one, else Twilio's own words. */
    public static String describe(Integer code, String twilioMessage) {
        if (code != null && code == OUTSIDE_WINDOW) {
            return OUTSIDE_WINDOW_TEXT + " (Twilio " + OUTSIDE_WINDOW + ": the person has not written in the last 24 "
                    + "hours, so WhatsApp only lets an approved template through)";
        }
        String text = twilioMessage == null || twilioMessage.isBlank() ? "no reason given" : twilioMessage.strip();
        return code == null ? text : text + " (Twilio " + code + ")";
    }
}
