package dev.switchboard.app.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.switchboard.core.config.SwitchboardProperties;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One connection pool, to an external PostgreSQL when {@code SWITCHBOARD_DB_URL} is set, else to
 * the embedded one. The pool closes before the embedded database stops (it depends on it).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    /** Holds the embedded database when there is one; empty for an external database. */
    record EmbeddedHolder(Optional<EmbeddedDatabase> database) implements AutoCloseable {
        @Override
        public void close() {
            database.ifPresent(EmbeddedDatabase::close);
        }
    }

    @Bean
    EmbeddedHolder embeddedDatabase(DatabaseProperties database, SwitchboardProperties switchboard) {
        if (database.external()) {
            return new EmbeddedHolder(Optional.empty());
        }
        return new EmbeddedHolder(Optional.of(EmbeddedDatabase.start(switchboard.dataDir())));
    }

    @Bean
    HikariDataSource dataSource(DatabaseProperties database, EmbeddedHolder embedded) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("switchboard");
        config.setMaximumPoolSize(database.poolSize());
        if (database.external()) {
            config.setJdbcUrl(database.url());
            config.setUsername(database.user());
            config.setPassword(database.password());
            log.info("using external PostgreSQL url={}", database.url());
        } else {
            EmbeddedDatabase db = embedded.database().orElseThrow();
            config.setJdbcUrl(db.jdbcUrl());
            config.setUsername("postgres");
        }
        return new HikariDataSource(config);
    }
}
