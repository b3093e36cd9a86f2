package dev.switchboard.app.api;

/** The administrator called a tenant-scoped endpoint without naming a tenant in {@code X-Tenant}. */
public class MissingTenantException extends RuntimeException {

    public MissingTenantException() {
        super("this endpoint acts for one tenant: send X-Tenant: <slug> with the administrator token");
    }
}
