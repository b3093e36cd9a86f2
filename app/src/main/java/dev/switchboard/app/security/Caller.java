package dev.switchboard.app.security;

import java.util.UUID;

/** Who is calling: the platform administrator, or someone acting for exactly one tenant. */
public sealed interface Caller {

    /** The audit name of the caller: {@code admin}, {@code api-key:<id>}, {@code user:<email>}. */
    String actor();

    record Admin() implements Caller {
        @Override
        public String actor() {
            return "admin";
        }
    }

    /** A person logged into the web UI for one tenant. */
    record TenantUser(UUID tenantId, String email) implements Caller {
        @Override
        public String actor() {
            return "user:" + email;
        }
    }

    record TenantApiKey(UUID tenantId, UUID keyId) implements Caller {
        @Override
        public String actor() {
            return "api-key:" + keyId;
        }
    }
}
