package dev.switchboard.sandbox.telegram;

import java.util.Optional;

/** {@code /bot<token>/<method>} or {@code /bot<token>/test/<method>} (the test environment). */
record ApiPath(String token, String method, boolean testEnvironment) {

    static Optional<ApiPath> parse(String path) {
        if (!path.startsWith("/bot")) {
            return Optional.empty();
        }
        String rest = path.substring("/bot".length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        String token = rest.substring(0, slash);
        String method = rest.substring(slash + 1);
        boolean test = method.startsWith("test/");
        if (test) {
            method = method.substring("test/".length());
        }
        if (method.isEmpty() || method.contains("/")) {
            return Optional.empty();
        }
        return Optional.of(new ApiPath(token, method, test));
    }

    /**
     * The Bot API server's own sanity check before it looks the bot up: no leading zero, at
     * most 80 characters, a ':' and a bot id between 1 and 2^54.
     */
    static boolean plausibleToken(String token) {
        int colon = token.indexOf(':');
        if (token.isEmpty() || token.charAt(0) == '0' || token.length() > 80 || colon <= 0) {
            return false;
        }
        try {
            long botId = Long.parseLong(token.substring(0, colon));
            return botId > 0 && botId < (1L << 54);
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }
}
