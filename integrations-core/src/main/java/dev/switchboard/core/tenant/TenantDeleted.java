package dev.switchboard.core.tenant;

/** Published after a tenant and its schema are gone. */
public record TenantDeleted(TenantRef tenant) {
}
