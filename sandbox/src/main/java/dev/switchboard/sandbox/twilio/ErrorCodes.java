package dev.switchboard.sandbox.twilio;

/** Texts and final statuses of Twilio's asynchronous delivery errors. */
final class ErrorCodes {

    static final int OUTSIDE_WINDOW = 63016;

    private ErrorCodes() {
    }

    static String message(int code) {
        return switch (code) {
            case 63016 -> "Failed to send freeform message because you are outside the allowed window. If you are "
                    + "using WhatsApp, please use a Message Template.";
            case 63038 -> "Account exceeded the daily messages limit";
            case 63003 -> "Channel could not find To address";
            case 63018 -> "Rate limit exceeded for Channel";
            case 63024 -> "Invalid message recipient";
            case 30003 -> "Unreachable destination handset";
            case 30004 -> "Message blocked";
            case 30005 -> "Unknown destination handset";
            case 30006 -> "Landline or unreachable carrier";
            case 30007 -> "Message filtered";
            case 30008 -> "Unknown error";
            case 30036 -> "Validity Period Expired";
            default -> "Error " + code;
        };
    }

    /** Carrier-side failures end "undelivered"; channel and platform refusals end "failed". */
    static String finalStatus(int code) {
        return code >= 30003 && code <= 30036 ? "undelivered" : "failed";
    }
}
