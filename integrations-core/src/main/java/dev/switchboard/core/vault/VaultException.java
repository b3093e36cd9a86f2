package dev.switchboard.core.vault;

/** A ciphertext did not open (wrong tenant or object, unknown key, tampering) or a keyset is unusable. */
public class VaultException extends RuntimeException {

    public VaultException(String message) {
        super(message);
    }

    public VaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
