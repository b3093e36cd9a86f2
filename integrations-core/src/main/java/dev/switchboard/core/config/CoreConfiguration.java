package dev.switchboard.core.config;

import dev.switchboard.core.vault.CredentialVault;
import dev.switchboard.core.vault.KeysetSource;
import dev.switchboard.core.vault.VaultKeyset;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The core's beans: everything under {@code dev.switchboard.core}, its entities and repositories. */
@Configuration(proxyBeanMethods = false)
@ComponentScan("dev.switchboard.core")
@EntityScan("dev.switchboard.core")
@EnableJpaRepositories("dev.switchboard.core")
@EnableConfigurationProperties(SwitchboardProperties.class)
public class CoreConfiguration {

    static final String GENERATED_KEYSET = "master-keyset.json";

    @Bean
    VaultKeyset vaultKeyset(SwitchboardProperties properties) {
        return new VaultKeyset(keysetSource(properties));
    }

    @Bean
    CredentialVault credentialVault(VaultKeyset keyset) {
        return new CredentialVault(keyset);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    static KeysetSource keysetSource(SwitchboardProperties properties) {
        if (properties.masterKey() != null && !properties.masterKey().isBlank()) {
            return new KeysetSource.Environment(properties.masterKey());
        }
        if (properties.masterKeyFile() != null) {
            return new KeysetSource.File(properties.masterKeyFile(), false);
        }
        return new KeysetSource.File(properties.dataDir().resolve(GENERATED_KEYSET), true);
    }
}
