package dev.switchboard.sandbox.telegram;

/** A Bot API error: becomes {@code {"ok":false,"error_code":status,...}} with that HTTP status. */
final class ApiException extends RuntimeException {

    private final int status;
    private final Integer retryAfter;

    ApiException(int status, String description, Integer retryAfter) {
        super(description, null, false, false);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    static ApiException badRequest(String detail) {
        return new ApiException(400, "Bad Request: " + detail, null);
    }

    static ApiException forbidden(String detail) {
        return new ApiException(403, "Forbidden: " + detail, null);
    }

    static ApiException conflict(String detail) {
        return new ApiException(409, "Conflict: " + detail, null);
    }

    static ApiException unauthorized() {
        return new ApiException(401, "Unauthorized", null);
    }

    static ApiException notFound() {
        return new ApiException(404, "Not Found", null);
    }

    static ApiException tooManyRequests(int retryAfter) {
        return new ApiException(429, "Too Many Requests: retry after " + retryAfter, retryAfter);
    }

    int status() {
        return status;
    }

    String description() {
        return getMessage();
    }

    Integer retryAfter() {
        return retryAfter;
    }
}
