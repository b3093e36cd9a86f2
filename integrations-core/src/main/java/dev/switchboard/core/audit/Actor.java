package dev.switchboard.core.audit;

/**
 * Who the current thread acts for, for the audit log: {@code admin}, {@code api-key:<id>},
 * {@code user:<email>}, or {@code system} for scheduled work. Set at the same edges as the
 * tenant, through {@link #enter(String)} in a try-with-resources.
 */
public final class Actor {

    public static final String SYSTEM = "system";
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private Actor() {
    }

    public static Scope enter(String actor) {
        String previous = CURRENT.get();
        CURRENT.set(actor);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    public static String current() {
        String actor = CURRENT.get();
        return actor == null ? SYSTEM : actor;
    }

    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
