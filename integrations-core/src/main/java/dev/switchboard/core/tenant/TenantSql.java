package dev.switchboard.core.tenant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A statement that names its tenant's schema ({@code %1$s} in the template stands for
 * {@link TenantRef#qualifier()}), its text made once per tenant and then reused, the same string
 * every time.
 *
 * <p>For the statements of the hot paths: formatting a template on every call, and then hashing
 * the new text again in Spring's and the driver's statement caches, was a tenth of the workers'
 * CPU in the ingest benchmark. A reused string keeps its hash.
 */
public final class TenantSql {

    /** Tenants whose texts are kept; a text no longer kept is simply made again. */
    private static final int TENANTS = 4_096;

    private final String template;
    private final Cache<String, String> bySlug = Caffeine.newBuilder().maximumSize(TENANTS).build();

    /** @param template the statement, {@code %1$s} before each of the tenant's tables (and no other {@code %}) */
    public TenantSql(String template) {
        this.template = template;
    }

    /** The statement for the tenant's schema. */
    public String of(TenantRef tenant) {
        return bySlug.get(tenant.slug(), slug -> template.formatted(tenant.qualifier()));
    }
}
