package dev.switchboard.core.vault;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A known value sealed with the keyset and kept in the database. At start-up it must open: a
 * node whose keyset is not the one the database was written with (a second node with its own
 * generated keyset, a lost {@code master-keyset.json}) refuses to start instead of failing on
 * every credential later.
 */
@Component
public class KeysetCanary implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(KeysetCanary.class);
    private static final String SETTING = "vault.canary";
    private static final UUID NONE = new UUID(0, 0);
    private static final SealContext CONTEXT = new SealContext("canary", NONE, NONE);
    private static final byte[] VALUE = "switchboard".getBytes(StandardCharsets.UTF_8);

    private final CredentialVault vault;
    private final JdbcClient jdbc;

    public KeysetCanary(CredentialVault vault, JdbcClient jdbc) {
        this.vault = vault;
        this.jdbc = jdbc;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Optional<byte[]> stored = read();
        if (stored.isEmpty()) {
            write(vault.seal(CONTEXT, VALUE));
            return;
        }
        try {
            vault.open(CONTEXT, stored.get());
        } catch (VaultException e) {
            throw new IllegalStateException("the credential keyset (" + vault.keyset().source().describe()
                    + ") is not the one this database's credentials were sealed with: give every node the same "
                    + "keyset (SWITCHBOARD_MASTER_KEY or SWITCHBOARD_MASTER_KEY_FILE), or restore the original file");
        }
    }

    /** Seals the canary again under the current primary key (after a rotation). */
    public void reseal() {
        write(vault.seal(CONTEXT, VALUE));
        log.info("keyset canary re-sealed under key {}", vault.keyset().primaryKeyId());
    }

    /** The id of the key that sealed the canary. */
    public Optional<Integer> keyId() {
        return read().map(CredentialVault::keyIdOf);
    }

    private Optional<byte[]> read() {
        return jdbc.sql("SELECT value FROM public.platform_setting WHERE name = :name").param("name", SETTING)
                .query(String.class).optional().map(Base64.getDecoder()::decode);
    }

    private void write(byte[] sealed) {
        jdbc.sql("""
                INSERT INTO public.platform_setting (name, value) VALUES (:name, :value)
                ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = now()
                """)
                .param("name", SETTING)
                .param("value", Base64.getEncoder().encodeToString(sealed))
                .update();
    }
}
