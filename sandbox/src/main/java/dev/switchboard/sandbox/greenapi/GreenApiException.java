package dev.switchboard.sandbox.greenapi;

import dev.switchboard.sandbox.http.SandboxResponse;

/** A method's failure, carrying the exact response Green API gives for it. */
final class GreenApiException extends RuntimeException {

    private final transient SandboxResponse response;

    GreenApiException(SandboxResponse response) {
        super(response.status() + " " + response.bodyText(), null, false, false);
        this.response = response;
    }

    SandboxResponse response() {
        return response;
    }

    int status() {
        return response.status();
    }
}
