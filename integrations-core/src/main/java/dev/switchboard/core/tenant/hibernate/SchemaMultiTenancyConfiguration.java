package dev.switchboard.core.tenant.hibernate;

import javax.sql.DataSource;
import org.hibernate.cfg.MultiTenancySettings;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Hibernate's schema-per-tenant multi-tenancy: one connection provider, one resolver. */
@Configuration(proxyBeanMethods = false)
public class SchemaMultiTenancyConfiguration {

    @Bean
    HibernatePropertiesCustomizer schemaPerTenant(DataSource dataSource) {
        if (!(dataSource instanceof SearchPathDataSource pool)) {
            throw new IllegalStateException("the main DataSource must be a SearchPathDataSource, which keeps each"
                    + " connection's search path; found " + dataSource.getClass().getName());
        }
        return properties -> {
            properties.put(MultiTenancySettings.MULTI_TENANT_CONNECTION_PROVIDER,
                    new TenantSchemaConnectionProvider(pool));
            properties.put(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER, new TenantIdentifierResolver());
        };
    }
}
