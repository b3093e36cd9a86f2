package dev.switchboard.core.vault;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;

/**
 * Seals and opens credentials with an AEAD whose associated data binds each ciphertext to its
 * tenant and object. A failure to open names the context, never the content.
 */
public class CredentialVault {

    /** Tink's ciphertext prefix: one version byte, then the four-byte id of the sealing key. */
    private static final int KEY_ID_OFFSET = 1;

    private final VaultKeyset keyset;

    public CredentialVault(VaultKeyset keyset) {
        this.keyset = keyset;
    }

    public byte[] seal(SealContext context, byte[] plaintext) {
        try {
            return keyset.aead().encrypt(plaintext, context.associatedData());
        } catch (GeneralSecurityException e) {
            throw new VaultException("cannot seal " + context.purpose() + " " + context.objectId(), e);
        }
    }

    public byte[] open(SealContext context, byte[] ciphertext) {
        try {
            return keyset.aead().decrypt(ciphertext, context.associatedData());
        } catch (GeneralSecurityException e) {
            throw new VaultException("the sealed " + context.purpose() + " credentials of " + context.objectId()
                    + " do not open: sealed for another row, or with a key no longer in the keyset");
        }
    }

    /** The id of the key that sealed a ciphertext (for rotation bookkeeping). */
    public static int keyIdOf(byte[] ciphertext) {
        return ByteBuffer.wrap(ciphertext, KEY_ID_OFFSET, Integer.BYTES).getInt();
    }

    public VaultKeyset keyset() {
        return keyset;
    }
}
