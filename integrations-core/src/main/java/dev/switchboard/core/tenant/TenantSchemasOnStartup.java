package dev.switchboard.core.tenant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Brings every tenant schema up to the newest tenant migration before the server takes traffic
 * (after the platform migrations, which the repository beans this depends on wait for).
 */
@Component
class TenantSchemasOnStartup implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TenantSchemasOnStartup.class);

    private final TenantDirectory tenants;
    private final TenantSchemaMigrator migrator;
    private final TenantRepository repositoryReadyAfterFlyway;

    TenantSchemasOnStartup(TenantDirectory tenants, TenantSchemaMigrator migrator, TenantRepository repository) {
        this.tenants = tenants;
        this.migrator = migrator;
        this.repositoryReadyAfterFlyway = repository;
    }

    @Override
    public void afterSingletonsInstantiated() {
        long started = System.nanoTime();
        var all = tenants.all();
        all.forEach(migrator::migrate);
        log.info("tenant schemas checked tenants={} in {} ms", all.size(), (System.nanoTime() - started) / 1_000_000);
    }
}
