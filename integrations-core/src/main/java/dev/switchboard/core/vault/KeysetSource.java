package dev.switchboard.core.vault;

import java.nio.file.Path;

/** Where the credential keyset comes from, and whether Switchboard may write it back. */
public sealed interface KeysetSource {

    String describe();

    /** {@code SWITCHBOARD_MASTER_KEY}: read-only, the operator rotates by supplying a new value. */
    record Environment(String keysetJson) implements KeysetSource {
        @Override
        public String describe() {
            return "SWITCHBOARD_MASTER_KEY";
        }

        @Override
        public String toString() {
            return "Environment[keyset hidden]";
        }
    }

    /** A keyset file: given by {@code SWITCHBOARD_MASTER_KEY_FILE}, or generated under the data directory. */
    record File(Path path, boolean generated) implements KeysetSource {
        @Override
        public String describe() {
            return (generated ? "generated keyset file " : "keyset file ") + path;
        }
    }
}
