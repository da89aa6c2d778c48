package dev.outbound.spi.jdbc;

import dev.outbound.core.OutboundException;

/**
 * The database failed an operation of the PostgreSQL record store (connection lost, permission
 * refused, schema missing): the message names the table and the database's reason, the cause is the
 * driver's exception. Refusals the store contract defines are {@link dev.outbound.spi.store.StoreException}s.
 */
public class JdbcStoreException extends OutboundException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, naming the table
     * @param cause the driver's exception
     */
    public JdbcStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
