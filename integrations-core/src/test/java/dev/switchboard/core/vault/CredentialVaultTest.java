package dev.switchboard.core.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialVaultTest {

    @TempDir
    Path dir;

    private final UUID tenantA = UUID.randomUUID();
    private final UUID tenantB = UUID.randomUUID();
    private final UUID integration1 = UUID.randomUUID();
    private final UUID integration2 = UUID.randomUUID();

    private CredentialVault vault() {
        return new CredentialVault(new VaultKeyset(new KeysetSource.File(dir.resolve("keyset.json"), true)));
    }

    @Test
    void opensOnlyWithTheSameTenantAndIntegration() {
        CredentialVault vault = vault();
        byte[] sealed = vault.seal(SealContext.integration(tenantA, integration1), bytes("123:secret-token"));

        assertThat(new String(vault.open(SealContext.integration(tenantA, integration1), sealed), StandardCharsets.UTF_8))
                .isEqualTo("123:secret-token");
        assertThatThrownBy(() -> vault.open(SealContext.integration(tenantA, integration2), sealed))
                .isInstanceOf(VaultException.class)
                .hasMessageNotContaining("secret-token");
        assertThatThrownBy(() -> vault.open(SealContext.integration(tenantB, integration1), sealed))
                .isInstanceOf(VaultException.class);
        assertThatThrownBy(() -> vault.open(new SealContext("agent", tenantA, integration1), sealed))
                .isInstanceOf(VaultException.class);
    }

    @Test
    void tamperedCiphertextDoesNotOpen() {
        CredentialVault vault = vault();
        byte[] sealed = vault.seal(SealContext.integration(tenantA, integration1), bytes("value"));
        sealed[sealed.length - 1] ^= 1;

        assertThatThrownBy(() -> vault.open(SealContext.integration(tenantA, integration1), sealed))
                .isInstanceOf(VaultException.class);
    }

    @Test
    void generatedKeysetIsOwnerOnlyAndSurvivesReload() throws Exception {
        CredentialVault first = vault();
        byte[] sealed = first.seal(SealContext.integration(tenantA, integration1), bytes("kept"));

        assertThat(Files.getPosixFilePermissions(dir.resolve("keyset.json")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(new String(vault().open(SealContext.integration(tenantA, integration1), sealed), StandardCharsets.UTF_8))
                .isEqualTo("kept");
    }

    @Test
    void rotationKeepsOldCiphertextsReadableAndSealsNewOnesUnderTheNewKey() {
        VaultKeyset keyset = new VaultKeyset(new KeysetSource.File(dir.resolve("keyset.json"), true));
        CredentialVault vault = new CredentialVault(keyset);
        int oldKey = keyset.primaryKeyId();
        byte[] old = vault.seal(SealContext.integration(tenantA, integration1), bytes("before"));

        keyset.rotate();

        assertThat(keyset.primaryKeyId()).isNotEqualTo(oldKey);
        assertThat(CredentialVault.keyIdOf(old)).isEqualTo(oldKey);
        byte[] fresh = vault.seal(SealContext.integration(tenantA, integration1), bytes("after"));
        assertThat(CredentialVault.keyIdOf(fresh)).isEqualTo(keyset.primaryKeyId());
        assertThat(vault.open(SealContext.integration(tenantA, integration1), old)).isEqualTo(bytes("before"));

        keyset.retire(oldKey);

        assertThat(keyset.keys()).extracting(VaultKeyset.KeyInfo::id).containsExactly(keyset.primaryKeyId());
        assertThatThrownBy(() -> vault.open(SealContext.integration(tenantA, integration1), old))
                .isInstanceOf(VaultException.class);
        // the retirement was written: a restart sees the same single key
        assertThat(new VaultKeyset(new KeysetSource.File(dir.resolve("keyset.json"), true)).keys()).hasSize(1);
    }

    @Test
    void primaryKeyCannotBeRetiredAndEnvironmentKeysetCannotRotateByItself() throws Exception {
        VaultKeyset fileKeyset = new VaultKeyset(new KeysetSource.File(dir.resolve("keyset.json"), true));
        assertThatThrownBy(() -> fileKeyset.retire(fileKeyset.primaryKeyId())).isInstanceOf(VaultException.class);

        String json = Files.readString(dir.resolve("keyset.json"));
        VaultKeyset envKeyset = new VaultKeyset(new KeysetSource.Environment(json));
        assertThat(envKeyset.primaryKeyId()).isEqualTo(fileKeyset.primaryKeyId());
        assertThatThrownBy(envKeyset::rotate).isInstanceOf(VaultException.class)
                .hasMessageContaining("SWITCHBOARD_MASTER_KEY");
    }

    @Test
    void anOperatorSuppliedKeysetWithANewPrimaryIsTakenAsIs() throws Exception {
        Path operatorFile = dir.resolve("operator.json");
        VaultKeyset generated = new VaultKeyset(new KeysetSource.File(operatorFile, true));
        int original = generated.primaryKeyId();
        VaultKeyset operator = new VaultKeyset(new KeysetSource.File(operatorFile, false));
        // the operator prepares a keyset with old and new keys (here: by rotating a copy that writes the file)
        generated.rotate();
        int operatorsNewPrimary = generated.primaryKeyId();

        operator.rotate();

        assertThat(operator.primaryKeyId()).isEqualTo(operatorsNewPrimary).isNotEqualTo(original);
        assertThat(operator.keys()).hasSize(2);
    }

    @Test
    void secretNeverShowsItsValue() {
        Secret secret = Secret.of("123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");

        assertThat(secret.toString()).doesNotContain("AAHdqTcv").contains("…Dsaw");
        assertThat(secret.hint()).isEqualTo("…Dsaw");
        assertThat(Secret.of("short").hint()).isEqualTo("…");
        assertThat(secret.matches("123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw")).isTrue();
        assertThat(secret.matches("123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsax")).isFalse();
        assertThat(secret.matches(null)).isFalse();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
