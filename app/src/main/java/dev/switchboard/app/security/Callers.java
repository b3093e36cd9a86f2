package dev.switchboard.app.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The {@link Caller} behind an authentication: a bearer token's, or a UI session's. */
public final class Callers {

    private Callers() {
    }

    public static Optional<Caller> of(Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        Object principal = authentication.getPrincipal();
        if (principal instanceof Caller caller) {
            return Optional.of(caller);
        }
        if (principal instanceof UiUser user) {
            return Optional.of(user.caller());
        }
        return Optional.empty();
    }

    public static Optional<Caller> current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }
}
