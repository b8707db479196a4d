package org.callcentre.crm.testing;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A transaction of the test's own that holds a lock on one table, so that the service's writes to
 * it wait, as they would behind a PostgreSQL that cannot keep up; reads and other tables go on.
 * Closing it rolls back and lets them through.
 */
public final class TableLock implements AutoCloseable {
    private final Connection connection;

    private TableLock(Connection connection) {
        this.connection = connection;
    }

    /** Blocks inserts, updates and deletes on {@code table} (SHARE ROW EXCLUSIVE); selects still run. */
    public static TableLock writesTo(DataSource dataSource, String table) {
        try {
            Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
            connection.setAutoCommit(false);
            try (Statement lock = connection.createStatement()) {
                lock.execute("LOCK TABLE " + table + " IN SHARE ROW EXCLUSIVE MODE");
            }
            return new TableLock(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not lock " + table, e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.rollback();
        connection.close();
    }
}
