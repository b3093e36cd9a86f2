package dev.switchboard.app.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Every request's id: the caller's {@code X-Request-Id} when it is a sane one, else a new one; in
 * every log line written for the request and in the response, so a report can be traced. Used by
 * {@link RequestIdFilter} and by the webhook filter, which answers before the rest of the chain.
 */
public final class RequestIds {

    static final String HEADER = "X-Request-Id";
    static final String LOG_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");

    private RequestIds() {
    }

    /** Tags the request (once: a request already tagged keeps its id); {@link #close()} when it is answered. */
    public static void open(HttpServletRequest request, HttpServletResponse response) {
        if (MDC.get(LOG_KEY) != null) {
            return;
        }
        String presented = request.getHeader(HEADER);
        String id = presented != null && SANE.matcher(presented).matches() ? presented : newId();
        MDC.put(LOG_KEY, id);
        response.setHeader(HEADER, id);
    }

    public static void close() {
        MDC.remove(LOG_KEY);
    }

    /**
     * A random id for tracing, not a secret: {@code UUID.randomUUID()} draws from the shared
     * {@code SecureRandom}, whose lock request threads queued on under load.
     */
    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
