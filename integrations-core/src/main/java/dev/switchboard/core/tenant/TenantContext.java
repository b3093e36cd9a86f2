package dev.switchboard.core.tenant;

import java.util.Optional;
import org.slf4j.MDC;

/**
 * The tenant the current thread works for. Set only at the edges where work enters (API filter,
 * webhook router, worker, scheduled jobs, polling loops, OAuth callback), always through
 * {@link #enter(TenantRef)} in a try-with-resources, so it never leaks past its scope.
 */
public final class TenantContext {

    /** The tenant's slug in every log line written while it is current. */
    public static final String LOG_KEY = "tenant";
    private static final ThreadLocal<TenantRef> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    public static Scope enter(TenantRef tenant) {
        TenantRef previous = CURRENT.get();
        CURRENT.set(tenant);
        MDC.put(LOG_KEY, tenant.slug());
        return () -> {
            if (previous == null) {
                CURRENT.remove();
                MDC.remove(LOG_KEY);
            } else {
                CURRENT.set(previous);
                MDC.put(LOG_KEY, previous.slug());
            }
        };
    }

    public static Optional<TenantRef> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static TenantRef require() {
        TenantRef tenant = CURRENT.get();
        if (tenant == null) {
            throw new IllegalStateException("no tenant in context");
        }
        return tenant;
    }

    /** Closing a scope restores whatever was current before it; it throws nothing. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
