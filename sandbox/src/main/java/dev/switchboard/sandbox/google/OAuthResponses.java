package dev.switchboard.sandbox.google;

import dev.switchboard.sandbox.http.Json;
import dev.switchboard.sandbox.http.SandboxResponse;
import tools.jackson.databind.JsonNode;

/** Response helpers for the OAuth endpoints (no-store JSON, HTML error pages, 5xx pages). */
final class OAuthResponses {

    private OAuthResponses() {
    }

    static SandboxResponse json(int status, JsonNode body) {
        return SandboxResponse.bytes(status, "application/json; charset=utf-8", Json.bytes(body))
                .withHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate")
                .withHeader("Pragma", "no-cache");
    }

    /** What a front end answers in an outage: an HTML page, no OAuth error body. */
    static SandboxResponse unavailable(int status) {
        return SandboxResponse.text(status, "text/html; charset=UTF-8",
                "<!DOCTYPE html><html lang=en><title>Error " + status + "</title><p><b>" + status
                        + ".</b> That’s an error.<p>The service is temporarily unavailable. Please try again later.");
    }

    /**
     * The page Google shows in the browser when it cannot redirect back (bad client, redirect
     * URI, scope...): no Location header, the error code in the text.
     */
    static SandboxResponse errorPage(int status, String error, String details) {
        String body = "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Error " + status + " (" + error
                + ")</title></head><body><h1>Access blocked: This app’s request is invalid</h1>"
                + "<p id=error-code>Error " + status + ": " + error + "</p><p id=error-details>" + escape(details)
                + "</p></body></html>";
        return SandboxResponse.text(status, "text/html; charset=utf-8", body);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
