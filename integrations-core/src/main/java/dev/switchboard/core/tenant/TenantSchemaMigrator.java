package dev.switchboard.core.tenant;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Creates, migrates and drops tenant schemas with the {@code db/migration/tenant} scripts. */
@Component
public class TenantSchemaMigrator {

    private static final Logger log = LoggerFactory.getLogger(TenantSchemaMigrator.class);
    static final String LOCATION = "classpath:db/migration/tenant";

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    public TenantSchemaMigrator(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Creates the schema if needed and applies whatever migrations it lacks. */
    public void migrate(TenantRef tenant) {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .schemas(tenant.schema())
                .defaultSchema(tenant.schema())
                .createSchemas(true)
                .locations(LOCATION)
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            log.info("tenant schema migrated tenant={} schema={} migrations={} version={}", tenant.slug(),
                    tenant.schema(), result.migrationsExecuted, result.targetSchemaVersion);
        }
    }

    /** The schema name comes from a validated slug, so it is safe to quote into DDL. */
    public void drop(TenantRef tenant) {
        jdbc.sql("DROP SCHEMA IF EXISTS \"" + tenant.schema() + "\" CASCADE").update();
    }

    public boolean exists(TenantRef tenant) {
        return jdbc.sql("SELECT count(*) FROM information_schema.schemata WHERE schema_name = :schema")
                .param("schema", tenant.schema())
                .query(Long.class)
                .single() > 0;
    }
}
