package dev.switchboard.app.ui;

/**
 * Who is looking, for the page header and navigation.
 *
 * @param tenantSlug the tenant whose pages are shown; null for the administrator who chose none
 * @param demo       demo mode: the guest's phone page exists
 */
public record Viewer(String email, boolean admin, String tenantSlug, String tenantName, boolean demo) {

    public boolean hasTenant() {
        return tenantSlug != null;
    }
}
