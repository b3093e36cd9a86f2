package dev.switchboard.core.support;

/** The request contradicts the current state (a duplicate, a disabled integration, ...). */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String message) {
        this(null, message);
    }

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field the conflict is about, if one. */
    public String field() {
        return field;
    }
}
