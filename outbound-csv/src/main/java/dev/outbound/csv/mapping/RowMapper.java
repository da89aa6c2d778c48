package dev.outbound.csv.mapping;

/** Placeholder: being written. */
public final class RowMapper {
    private RowMapper() {
    }
}
