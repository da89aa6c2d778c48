package dev.outbound.spi.jdbc;

import dev.outbound.spi.OutboundProvider;
import dev.outbound.spi.ProviderContext;
import dev.outbound.spi.callerid.DidStore;
import dev.outbound.spi.store.RecordStore;
import java.util.Optional;

/**
 * Offers a {@link PostgresRecordStore} to {@link dev.outbound.spi.OutboundServices} when the host's
 * property {@value #URL} is a PostgreSQL JDBC URL (the command line's {@code --store}); the
 * optional property {@value #SCHEMA} names the schema. Registered with {@link java.util.ServiceLoader}.
 */
public final class PostgresProvider implements OutboundProvider {
    /** The property holding the store's JDBC URL. */
    public static final String URL = "outbound.store.url";
    /** The property naming the schema, {@code public} unless set. */
    public static final String SCHEMA = "outbound.store.schema";

    /** For {@link java.util.ServiceLoader}. */
    public PostgresProvider() {
    }

    @Override
    public String name() {
        return "PostgreSQL record store (outbound-spi-jdbc)";
    }

    /** {@inheritDoc} Empty unless {@value #URL} starts with {@code jdbc:postgresql:}. */
    @Override
    public Optional<RecordStore> recordStore(ProviderContext context) {
        Optional<String> url = context.property(URL).filter(u -> u.startsWith("jdbc:postgresql:"));
        if (url.isEmpty()) {
            return Optional.empty();
        }
        PostgresRecordStore.Builder b = PostgresRecordStore.newBuilder().jdbcUrl(url.get());
        context.property(SCHEMA).ifPresent(b::schema);
        return Optional.of(b.build());
    }

    /**
     * {@inheritDoc} A {@link PostgresDidStore} on its own record store (its own pool) for the same
     * URL and schema; empty unless {@value #URL} starts with {@code jdbc:postgresql:}.
     */
    @Override
    public Optional<DidStore> didStore(ProviderContext context) {
        return recordStore(context).map(s -> PostgresDidStore.owning((PostgresRecordStore) s));
    }
}
