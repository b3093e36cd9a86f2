package dev.switchboard.core.support;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.support.SqlArrayValue;

/**
 * Array parameters for multi-row statements ({@code SELECT … FROM unnest(:a, :b)}): one statement
 * text whatever the number of rows, so the driver prepares it once.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    /** A {@code uuid[]} parameter. */
    public static SqlArrayValue uuids(List<UUID> values) {
        return new SqlArrayValue("uuid", values.toArray());
    }

    /** A {@code bigint[]} parameter. */
    public static SqlArrayValue longs(List<Long> values) {
        return new SqlArrayValue("bigint", values.toArray());
    }

    /** An {@code integer[]} parameter. */
    public static SqlArrayValue ints(List<Integer> values) {
        return new SqlArrayValue("integer", values.toArray());
    }

    /** A {@code text[]} parameter; elements may be null. */
    public static SqlArrayValue texts(List<String> values) {
        return new SqlArrayValue("text", values.toArray());
    }
}
