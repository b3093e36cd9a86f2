package dev.switchboard.app.ui;

import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantRef;

/**
 * The tenant the current page works for, as the security filters set it: a tenant user's own, or
 * the one the administrator opened. Never read from the URL.
 */
final class UiTenant {

    private UiTenant() {
    }

    static TenantRef require() {
        return TenantContext.current().orElseThrow(NoTenantChosenException::new);
    }

    /** The administrator opened a tenant page before choosing a tenant. */
    static final class NoTenantChosenException extends RuntimeException {
        NoTenantChosenException() {
            super("choose a tenant first");
        }
    }
}
