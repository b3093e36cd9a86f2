package dev.switchboard.sandbox.telegram;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Armed faults; the first armed fault that matches a call fires and counts down. Thread-safe. */
final class FaultBook {

    private static final class Armed {
        final String token;
        final String method;
        final Long chatId;
        final Fault fault;
        int remaining;

        Armed(String token, String method, Long chatId, Fault fault, int remaining) {
            this.token = token;
            this.method = method;
            this.chatId = chatId;
            this.fault = fault;
            this.remaining = remaining;
        }

        boolean matches(String callToken, String callMethod, OptionalLong callChatId) {
            if (!token.equals(callToken)) {
                return false;
            }
            if (chatId != null) {
                return callChatId.isPresent() && callChatId.getAsLong() == chatId;
            }
            return method.equals("*") || method.equalsIgnoreCase(callMethod);
        }
    }

    private final List<Armed> armed = new ArrayList<>();

    synchronized void arm(String token, String method, Long chatId, Fault fault, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        armed.add(new Armed(token, method, chatId, fault, times));
    }

    synchronized Optional<Fault> take(String token, String method, OptionalLong chatId) {
        for (Iterator<Armed> it = armed.iterator(); it.hasNext(); ) {
            Armed candidate = it.next();
            if (candidate.matches(token, method, chatId)) {
                if (--candidate.remaining == 0) {
                    it.remove();
                }
                return Optional.of(candidate.fault);
            }
        }
        return Optional.empty();
    }

    synchronized void clear() {
        armed.clear();
    }
}
