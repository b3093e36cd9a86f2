package dev.switchboard.sandbox.greenapi;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code /waInstance{idInstance}/{method}/{apiTokenInstance}[/{extra}]}, relative to a base URL. */
record ApiPath(String idInstance, String method, String token, String extra) {

    private static final Pattern PATH = Pattern.compile("^/waInstance([^/]*)/([^/]+)/([^/]+)(?:/([^/]+))?/?$");

    static Optional<ApiPath> parse(String path) {
        Matcher matcher = PATH.matcher(path);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ApiPath(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4)));
    }

    /** The numeric id, or -1 when the segment is not a number (no such instance). */
    long numericId() {
        if (!idInstance.matches("\\d{1,18}")) {
            return -1;
        }
        return Long.parseLong(idInstance);
    }

    @Override
    public String toString() {
        return "ApiPath[" + idInstance + ", " + method + "]";
    }
}
