package dev.switchboard.sandbox.greenapi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Green API's per-instance, per-method requests-per-second limits: the request over the limit
 * within any one-second window answers 429. Methods not in the table are not limited.
 */
final class RateLimiter {

    private static final Duration WINDOW = Duration.ofSeconds(1);
    private static final Map<String, Integer> LIMITS = new HashMap<>();

    static {
        for (String send : new String[] {"sendMessage", "sendFileByUrl", "sendFileByUpload", "sendLocation",
                "sendContact", "sendPoll", "forwardMessages", "sendInteractiveButtons", "sendInteractiveButtonsReply"}) {
            LIMITS.put(send, 50);
        }
        LIMITS.put("receiveNotification", 100);
        LIMITS.put("deleteNotification", 100);
        LIMITS.put("getMessage", 10);
        LIMITS.put("checkWhatsapp", 10);
        LIMITS.put("downloadFile", 5);
        LIMITS.put("qr", 3);
        for (String slow : new String[] {"getStateInstance", "getSettings", "setSettings", "reboot", "logout",
                "getChatHistory"}) {
            LIMITS.put(slow, 1);
        }
    }

    private final Map<String, Deque<Instant>> windows = new HashMap<>();

    static Integer limit(String method) {
        return LIMITS.get(method);
    }

    /** Records the call; false when it is over the method's limit (and then not counted). */
    synchronized boolean tryAcquire(long idInstance, String method, Instant now) {
        Integer limit = LIMITS.get(method);
        if (limit == null) {
            return true;
        }
        Deque<Instant> window = windows.computeIfAbsent(idInstance + "/" + method, key -> new ArrayDeque<>());
        Instant start = now.minus(WINDOW);
        while (!window.isEmpty() && !window.peekFirst().isAfter(start)) {
            window.pollFirst();
        }
        if (window.size() >= limit) {
            return false;
        }
        window.addLast(now);
        return true;
    }

    synchronized void reset() {
        windows.clear();
    }
}
