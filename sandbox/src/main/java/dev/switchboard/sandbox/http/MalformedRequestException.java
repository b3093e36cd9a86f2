package dev.switchboard.sandbox.http;

/** The request body or a parameter could not be decoded; emulators map it to their own 400. */
public class MalformedRequestException extends RuntimeException {

    public MalformedRequestException(String message) {
        super(message);
    }
}
