package dev.switchboard.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TenantRefTest {

    @ParameterizedTest
    @ValueSource(strings = {"a; drop schema public", "A", "a", "1abc", "ab-c", "ab c", "hotel\"x", "",
            "abcdefghijklmnopqrstuvwxyzabcdefghijklmnop"})
    void rejectsSlugsThatCouldNotBeSafeSchemaNames(String slug) {
        assertThat(TenantRef.isValidSlug(slug)).isFalse();
        assertThatThrownBy(() -> new TenantRef(UUID.randomUUID(), slug)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TenantRef.schemaOf(slug)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void schemaIsPrefixedSlug() {
        assertThat(new TenantRef(UUID.randomUUID(), "hotel_42").schema()).isEqualTo("t_hotel_42");
    }

    @Test
    void contextIsScopedAndRestoresThePreviousTenant() {
        TenantRef a = new TenantRef(UUID.randomUUID(), "alpha");
        TenantRef b = new TenantRef(UUID.randomUUID(), "beta");

        try (TenantContext.Scope outer = TenantContext.enter(a)) {
            try (TenantContext.Scope inner = TenantContext.enter(b)) {
                assertThat(TenantContext.require()).isEqualTo(b);
            }
            assertThat(TenantContext.require()).isEqualTo(a);
        }
        assertThat(TenantContext.current()).isEmpty();
        assertThatThrownBy(TenantContext::require).isInstanceOf(IllegalStateException.class);
    }
}
