package dev.switchboard.app.api;

import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantRef;

/** The tenant the current API request acts for, as set by the security filters. */
public final class ApiTenant {

    private ApiTenant() {
    }

    public static TenantRef require() {
        return TenantContext.current().orElseThrow(MissingTenantException::new);
    }
}
