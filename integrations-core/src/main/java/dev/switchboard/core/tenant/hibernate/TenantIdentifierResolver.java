package dev.switchboard.core.tenant.hibernate;

import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantRef;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/** The schema of the tenant in context, or {@code public} for platform work. */
class TenantIdentifierResolver implements CurrentTenantIdentifierResolver<String> {

    @Override
    public String resolveCurrentTenantIdentifier() {
        return TenantContext.current().map(TenantRef::schema).orElse(TenantSchemaConnectionProvider.PLATFORM_SCHEMA);
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return true;
    }

    @Override
    public boolean isRoot(String schema) {
        return TenantSchemaConnectionProvider.PLATFORM_SCHEMA.equals(schema);
    }
}
