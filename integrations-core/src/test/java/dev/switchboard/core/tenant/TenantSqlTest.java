package dev.switchboard.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantSqlTest {

    private static final TenantSql COUNT = new TenantSql("SELECT count(*) FROM %1$smessage m JOIN %1$sconversation c USING (id)");

    @Test
    void eachTenantGetsItsOwnSchemaInEveryPlace() {
        TenantRef hotel = new TenantRef(UUID.randomUUID(), "hotel");
        TenantRef bistro = new TenantRef(UUID.randomUUID(), "bistro");

        assertThat(COUNT.of(hotel)).isEqualTo("SELECT count(*) FROM \"t_hotel\".message m JOIN \"t_hotel\".conversation c USING (id)");
        assertThat(COUNT.of(bistro)).isEqualTo("SELECT count(*) FROM \"t_bistro\".message m JOIN \"t_bistro\".conversation c USING (id)");
    }

    @Test
    void aTenantsTextIsMadeOnceAndReused() {
        TenantRef hotel = new TenantRef(UUID.randomUUID(), "hotel");

        assertThat(COUNT.of(hotel)).isSameAs(COUNT.of(new TenantRef(hotel.id(), "hotel")));
    }
}
