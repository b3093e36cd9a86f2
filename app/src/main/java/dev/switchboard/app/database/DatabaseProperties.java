package dev.switchboard.app.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code SWITCHBOARD_DB_URL}, {@code _DB_USER}, {@code _DB_PASSWORD}: an external PostgreSQL 15+.
 * Unset URL: the embedded PostgreSQL under the data directory.
 */
@ConfigurationProperties("switchboard.db")
public record DatabaseProperties(String url, String user, String password, @DefaultValue("20") int poolSize) {

    public boolean external() {
        return url != null && !url.isBlank();
    }

    @Override
    public String toString() {
        return "DatabaseProperties[url=" + url + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
