package org.callcentre.crm.shared;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.postgresql.util.PGobject;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Plain SQL with bound parameters on the current transaction's connection. Features keep their
 * SQL in their own repositories so that every statement, and the index it needs, is in plain view.
 */
@Singleton
public class Db {
    private final JdbcOperations jdbc;

    public Db(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The connections a statement runs on: the primary's here; {@link ReadDb} may choose the read replica's. */
    protected JdbcOperations jdbc() {
        return jdbc;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Receives the rows of {@link #stream} one at a time; returning false stops the reading. */
    @FunctionalInterface
    public interface RowHandler {
        boolean next(ResultSet rs) throws SQLException;
    }

    /** A JSON document bound as {@code jsonb}. */
    public record Jsonb(String json) {
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        return jdbc().execute(connection -> {
            try (PreparedStatement ps = prepare(connection, sql, params); ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        });
    }

    /**
     * Hands the rows of a query to {@code handler} as PostgreSQL sends them, {@code fetchSize} at a
     * time, so that a result of millions of rows never sits in memory. The driver keeps a server-side
     * cursor only inside a transaction; with autocommit on it would quietly read the whole result
     * first, so that is refused.
     */
    public void stream(String sql, int fetchSize, RowHandler handler, Object... params) {
        jdbc().execute(connection -> {
            if (connection.getAutoCommit()) {
                throw new IllegalStateException("Db.stream needs a transaction, or the driver reads every row at once");
            }
            try (PreparedStatement ps = prepare(connection, sql, params)) {
                ps.setFetchSize(fetchSize);
                try (ResultSet rs = ps.executeQuery()) {
                    boolean more = true;
                    while (more && rs.next()) {
                        more = handler.next(rs);
                    }
                }
            }
            return null;
        });
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public long queryLong(String sql, Object... params) {
        return queryOne(sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    public int update(String sql, Object... params) {
        return jdbc().execute(connection -> {
            try (PreparedStatement ps = prepare(connection, sql, params)) {
                return ps.executeUpdate();
            }
        });
    }

    /** Runs an {@code INSERT … RETURNING id}. */
    public long insert(String sql, Object... params) {
        return queryOne(sql, rs -> rs.getLong(1), params)
                .orElseThrow(() -> new IllegalStateException("INSERT returned no id: " + sql));
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... params) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            bind(connection, ps, i + 1, params[i]);
        }
        return ps;
    }

    private static void bind(Connection connection, PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.NULL);
        } else if (value instanceof Instant instant) {
            ps.setTimestamp(index, Timestamp.from(instant));
        } else if (value instanceof Jsonb jsonb) {
            PGobject object = new PGobject();
            object.setType("jsonb");
            object.setValue(jsonb.json());
            ps.setObject(index, object);
        } else if (value instanceof Collection<?> collection) {
            // a null element stays SQL NULL (not the text "null"): set-based writes pass nullable columns as arrays
            ps.setArray(index, connection.createArrayOf("text", collection.stream().map(v -> v == null ? null : String.valueOf(v)).toArray()));
        } else if (value instanceof Enum<?> e) {
            ps.setString(index, e.name());
        } else {
            ps.setObject(index, value);
        }
    }

    // Column readers that keep SQL NULL as Java null.

    public static Long getLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    public static Integer getInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    public static Instant getInstant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    public static BigDecimal getDecimal(ResultSet rs, String column) throws SQLException {
        return rs.getBigDecimal(column);
    }

    public static List<String> getTextArray(ResultSet rs, String column) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        return List.of((String[]) array.getArray());
    }
}
