package dev.switchboard.core.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.switchboard.core.audit.AuditLog;
import dev.switchboard.core.support.NotFoundException;
import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.support.RandomTokens;
import dev.switchboard.core.vault.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, authenticates and revokes tenant API keys ({@code sk_} + 256 random bits). Only a
 * SHA-256 of a key is stored; a revoked key stops working on this node at once and on others
 * within the cache's short lifetime.
 */
@Service
public class ApiKeys {

    public static final String PREFIX = "sk_";

    public record Issued(ApiKey key, Secret secret) {
    }

    /** What an authenticated key stands for. */
    public record Principal(UUID keyId, UUID tenantId) {
    }

    private final ApiKeyRepository keys;
    private final AuditLog audit;
    private final Cache<String, Principal> authenticated = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(30)).build();

    public ApiKeys(ApiKeyRepository keys, AuditLog audit) {
        this.keys = keys;
        this.audit = audit;
    }

    @Transactional
    public Issued issue(UUID tenantId, String name) {
        String secret = PREFIX + RandomTokens.base64Url(256);
        ApiKey key = keys.save(new ApiKey(tenantId, name, sha256(secret), PREFIX + Secret.of(secret).hint()));
        if (TenantContext.current().isPresent()) {
            audit.record("api_key.created", "api_key", key.getId(), Map.of("name", name, "hint", key.getHint()));
        }
        return new Issued(key, Secret.of(secret));
    }

    public Optional<Principal> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String cacheKey = HexFormat.of().formatHex(sha256(presented));
        Principal cached = authenticated.getIfPresent(cacheKey);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Principal> principal = keys.findByKeyHash(sha256(presented))
                .map(key -> new Principal(key.getId(), key.getTenantId()));
        principal.ifPresent(p -> authenticated.put(cacheKey, p));
        return principal;
    }

    @Transactional(readOnly = true)
    public List<ApiKey> list(UUID tenantId) {
        return keys.findByTenantIdOrderByCreatedAtAsc(tenantId);
    }

    @Transactional
    public void revoke(UUID tenantId, UUID keyId) {
        ApiKey key = keys.findByIdAndTenantId(keyId, tenantId).orElseThrow(() -> new NotFoundException("api key " + keyId));
        keys.delete(key);
        audit.record("api_key.revoked", "api_key", keyId, Map.of("name", key.getName()));
        authenticated.asMap().values().removeIf(p -> p.keyId().equals(keyId));
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
