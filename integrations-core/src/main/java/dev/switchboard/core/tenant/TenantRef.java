package dev.switchboard.core.tenant;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Who a piece of work belongs to. The slug is validated here, once, so that every schema name
 * derived from it is safe to put into SQL.
 */
public record TenantRef(UUID id, String slug) {

    private static final Pattern SLUG = Pattern.compile("^[a-z][a-z0-9_]{1,40}$");

    public TenantRef {
        Objects.requireNonNull(id, "id");
        if (!isValidSlug(slug)) {
            throw new IllegalArgumentException("invalid tenant slug");
        }
    }

    public static boolean isValidSlug(String slug) {
        return slug != null && SLUG.matcher(slug).matches();
    }

    /** The tenant's PostgreSQL schema: {@code t_<slug>}, lower case, always a safe identifier. */
    public String schema() {
        return schemaOf(slug);
    }

    /** The schema as SQL puts it before a table's name: {@code "t_<slug>".}, for statements that name it. */
    public String qualifier() {
        return "\"" + schema() + "\".";
    }

    public static String schemaOf(String slug) {
        if (!isValidSlug(slug)) {
            throw new IllegalArgumentException("invalid tenant slug");
        }
        return "t_" + slug;
    }
}
