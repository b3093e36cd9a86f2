package dev.switchboard.core.channel;

/** A webhook delivery that must not be stored: it answers with the reason's status. */
public class WebhookRejectedException extends RuntimeException {

    public enum Reason {
        UNAUTHORIZED(401), NOT_FOUND(404), MALFORMED(400), TOO_MANY(429);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Reason reason;

    public WebhookRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
