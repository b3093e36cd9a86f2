package dev.switchboard.app.security;

import dev.switchboard.core.config.SwitchboardProperties;
import dev.switchboard.core.support.RandomTokens;
import dev.switchboard.core.vault.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The platform administrator's bearer token: {@code SWITCHBOARD_ADMIN_TOKEN}, or generated once
 * into {@code <data>/admin-token} (mode 0600). The log says where it is, never what it is.
 */
@Component
public class AdminToken {

    private static final Logger log = LoggerFactory.getLogger(AdminToken.class);
    static final String FILE_NAME = "admin-token";

    private final Secret token;

    public AdminToken(AdminProperties admin, SwitchboardProperties switchboard) {
        this.token = admin.adminToken() != null && !admin.adminToken().isBlank()
                ? Secret.of(admin.adminToken())
                : readOrGenerate(switchboard.dataDir().resolve(FILE_NAME));
    }

    public boolean matches(String presented) {
        return token.matches(presented);
    }

    Secret secret() {
        return token;
    }

    private static Secret readOrGenerate(Path file) {
        try {
            if (Files.exists(file)) {
                log.info("admin token: read from {}", file.toAbsolutePath());
                return Secret.of(Files.readString(file, StandardCharsets.UTF_8).trim());
            }
            String generated = "adm_" + RandomTokens.base64Url(256);
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".admin-token", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, generated + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            log.warn("admin token: generated and written to {} (mode 0600); use it as 'Authorization: Bearer <token>'",
                    file.toAbsolutePath());
            return Secret.of(generated);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or write the admin token file " + file.toAbsolutePath(), e);
        }
    }
}
