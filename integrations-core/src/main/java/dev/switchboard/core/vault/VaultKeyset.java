package dev.switchboard.core.vault;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live credential keyset (Tink, AES-256-GCM). Several keys may be live at once: ciphertexts
 * name the key that sealed them, so adding a new primary never breaks a read.
 */
public class VaultKeyset {

    private static final Logger log = LoggerFactory.getLogger(VaultKeyset.class);

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final KeysetSource source;
    private final AtomicReference<Loaded> current = new AtomicReference<>();

    private record Loaded(KeysetHandle handle, Aead aead) {
    }

    /** One key of the keyset as an operator sees it. */
    public record KeyInfo(int id, boolean primary, String status) {
    }

    public VaultKeyset(KeysetSource source) {
        this.source = source;
        install(readOrCreate());
    }

    public KeysetSource source() {
        return source;
    }

    Aead aead() {
        return current.get().aead();
    }

    public int primaryKeyId() {
        return current.get().handle().getPrimary().getId();
    }

    public List<KeyInfo> keys() {
        KeysetHandle handle = current.get().handle();
        List<KeyInfo> keys = new ArrayList<>();
        for (int i = 0; i < handle.size(); i++) {
            KeysetHandle.Entry entry = handle.getAt(i);
            keys.add(new KeyInfo(entry.getId(), entry.isPrimary(), entry.getStatus().toString()));
        }
        return keys;
    }

    /**
     * Makes a newer key primary. A file keyset that the operator changed on disk (a new primary
     * added) is taken as it is; otherwise a new key is generated and the file rewritten. An
     * environment keyset cannot be written: the operator supplies the new one.
     */
    public synchronized KeyInfo rotate() {
        int before = primaryKeyId();
        KeysetHandle reloaded = parse(readSource());
        if (reloaded.getPrimary().getId() == before) {
            if (source instanceof KeysetSource.Environment) {
                throw new VaultException("the keyset comes from SWITCHBOARD_MASTER_KEY: set it to a keyset holding "
                        + "the old and a new primary key and restart, then rotate again");
            }
            reloaded = withNewPrimary(reloaded);
            write(((KeysetSource.File) source).path(), reloaded);
        }
        install(reloaded);
        log.info("credential keyset rotated: primary key {} -> {}", before, primaryKeyId());
        return keys().stream().filter(KeyInfo::primary).findFirst().orElseThrow();
    }

    /** Removes a key that no ciphertext uses any more. */
    public synchronized void retire(int keyId) {
        if (keyId == primaryKeyId()) {
            throw new VaultException("key " + keyId + " is the primary key and cannot be retired");
        }
        if (!(source instanceof KeysetSource.File file)) {
            throw new VaultException("the keyset comes from SWITCHBOARD_MASTER_KEY: remove the key there and restart");
        }
        KeysetHandle handleNow = current.get().handle();
        for (int i = 0; i < handleNow.size(); i++) {
            if (handleNow.getAt(i).getId() == keyId) {
                KeysetHandle.Builder builder = KeysetHandle.newBuilder(handleNow).deleteAt(i);
                KeysetHandle handle = build(builder);
                write(file.path(), handle);
                install(handle);
                log.info("credential key {} retired", keyId);
                return;
            }
        }
        throw new VaultException("no key " + keyId + " in the keyset");
    }

    private void install(KeysetHandle handle) {
        try {
            current.set(new Loaded(handle, handle.getPrimitive(RegistryConfiguration.get(), Aead.class)));
        } catch (GeneralSecurityException e) {
            throw new VaultException("the credential keyset holds no usable AEAD key", e);
        }
    }

    private KeysetHandle readOrCreate() {
        if (source instanceof KeysetSource.File file && !file.generated() && !Files.exists(file.path())) {
            throw new VaultException("SWITCHBOARD_MASTER_KEY_FILE names " + file.path() + ", which does not exist");
        }
        if (source instanceof KeysetSource.File file && file.generated() && !Files.exists(file.path())) {
            KeysetHandle handle = generate();
            write(file.path(), handle);
            log.warn("generated a new credential keyset at {} (mode 0600): back it up, without it no stored "
                    + "credential can be opened", file.path());
            return handle;
        }
        return parse(readSource());
    }

    private String readSource() {
        if (source instanceof KeysetSource.Environment env) {
            return env.keysetJson();
        }
        Path path = ((KeysetSource.File) source).path();
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new VaultException("cannot read the credential keyset " + path, e);
        }
    }

    private static KeysetHandle parse(String json) {
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new VaultException("the credential keyset is not a valid Tink JSON keyset");
        }
    }

    private static KeysetHandle generate() {
        try {
            return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        } catch (GeneralSecurityException e) {
            throw new VaultException("cannot generate a keyset", e);
        }
    }

    private static KeysetHandle withNewPrimary(KeysetHandle handle) {
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(handle);
        builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                .withRandomId().setStatus(KeyStatus.ENABLED).makePrimary());
        return build(builder);
    }

    private static KeysetHandle build(KeysetHandle.Builder builder) {
        try {
            return builder.build();
        } catch (GeneralSecurityException e) {
            throw new VaultException("cannot build the keyset", e);
        }
    }

    /** Writes atomically (temp file, then move) with owner-only permissions. */
    static void write(Path path, KeysetHandle handle) {
        try {
            String json = TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
            Path dir = path.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".keyset", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, json, StandardCharsets.UTF_8);
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | GeneralSecurityException e) {
            throw new VaultException("cannot write the credential keyset " + path, e);
        }
    }
}
