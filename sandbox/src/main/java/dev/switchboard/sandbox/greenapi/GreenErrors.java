package dev.switchboard.sandbox.greenapi;

import dev.switchboard.sandbox.http.Json;
import dev.switchboard.sandbox.http.SandboxResponse;
import tools.jackson.databind.node.ObjectNode;

/**
 * Green API's error answers. Statuses follow the documented common-errors table; bodies are
 * mostly plain text (validation: {@code Validation failed. Details: ...}), nginx's HTML page for
 * 404 and 502, an empty body for 401/403, and the documented JSON body for 466. The exact texts
 * are not all published: clients must branch on the status.
 */
final class GreenErrors {

    static final String NOT_AUTHORIZED = "instance account not authorized";
    static final String STARTING = "instance in starting process try later";

    private GreenErrors() {
    }

    static GreenApiException validation(String details) {
        return new GreenApiException(text(400, "Validation failed. Details: " + details));
    }

    static GreenApiException badRequest(String text) {
        return new GreenApiException(text(400, text));
    }

    static GreenApiException unauthorized() {
        return new GreenApiException(SandboxResponse.bytes(401, null, new byte[0]));
    }

    static GreenApiException forbidden() {
        return new GreenApiException(SandboxResponse.bytes(403, null, new byte[0]));
    }

    static GreenApiException notFound() {
        return new GreenApiException(nginx(404, "Not Found"));
    }

    static GreenApiException tooManyRequests() {
        return new GreenApiException(text(429, "Too Many Requests"));
    }

    /** What an armed {@link Fault#status} answers. */
    static SandboxResponse forStatus(int status, String method) {
        return switch (status) {
            case 400 -> text(400, "bad request data");
            case 401 -> unauthorized().response();
            case 403 -> forbidden().response();
            case 404 -> nginx(404, "Not Found");
            case 429 -> tooManyRequests().response();
            case 466 -> quotaExceeded(method);
            case 499 -> text(499, "Client Closed Request");
            case 500 -> text(500, "Internal Server Error");
            case 502 -> nginx(502, "Bad Gateway");
            case 503 -> nginx(503, "Service Temporarily Unavailable");
            case 504 -> nginx(504, "Gateway Time-out");
            default -> text(status, "Error " + status);
        };
    }

    /** The Developer-plan quota body, as in Green API's "466 error example body". */
    static SandboxResponse quotaExceeded(String method) {
        ObjectNode invoke = Json.object()
                .put("method", method.toLowerCase(java.util.Locale.ROOT))
                .put("used", 100)
                .put("total", 100)
                .put("status", "QUOTE_EXCEEDED")
                .put("description", "Monthly quota has been exceeded. Please go to your personal account and "
                        + "change the tariff to business https://console.green-api.com");
        ObjectNode correspondents = Json.object()
                .put("method", "correspondents")
                .put("used", 3)
                .put("total", 3)
                .put("status", "CORRESPONDENTS_QUOTE_EXCEEDED")
                .put("description", "Monthly quota has been exceeded. You can only send or receive messages from "
                        + "3 chats. Please go to your personal account and change the tariff to business "
                        + "https://console.green-api.com");
        ObjectNode body = Json.object();
        body.set("invokeStatus", invoke);
        body.set("correspondentsStatus", correspondents);
        return SandboxResponse.json(466, body);
    }

    static SandboxResponse text(int status, String text) {
        return SandboxResponse.text(status, "text/plain; charset=utf-8", text);
    }

    static SandboxResponse nginx(int status, String reason) {
        String page = "<html>\r\n<head><title>" + status + " " + reason + "</title></head>\r\n<body>\r\n<center><h1>"
                + status + " " + reason + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        return SandboxResponse.text(status, "text/html", page);
    }
}
