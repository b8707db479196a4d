package org.callcentre.crm.telephony.ami;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.regex.Pattern;

/**
 * Asterisk's CDR table, in the PBX's own database (not the CRM's datasource), read over a plain
 * JDBC connection opened for each backfill: gaps are rare, so no pool is kept open against it.
 *
 * <p>The start column is {@code calldate} (cdr_pgsql's classic schema) or {@code start}, and
 * {@code linkedid} is read where the table has it (Asterisk 12+). A start column without time zone
 * is taken as UTC, which is how cdr_pgsql writes it with {@code timezone = UTC}.
 */
@Singleton
@Requires(property = "crm.ami.cdr-jdbc-url", pattern = ".+")
class CdrTable {
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
    private static final String CONNECT_TIMEOUT_SECONDS = "10";
    private static final String READ_TIMEOUT_SECONDS = "120";

    private final String url;
    private final Properties connectionProperties = new Properties();
    private final String table;

    CdrTable(AmiSettings settings) {
        if (!TABLE_NAME.matcher(settings.cdrTable()).matches()) {
            throw new IllegalArgumentException("crm.ami.cdr-table must be a plain (schema.)table name, not " + settings.cdrTable());
        }
        this.url = settings.cdrJdbcUrl();
        this.table = settings.cdrTable();
        if (settings.cdrUsername() != null && !settings.cdrUsername().isBlank()) {
            connectionProperties.setProperty("user", settings.cdrUsername());
        }
        if (settings.cdrPassword() != null && !settings.cdrPassword().isBlank()) {
            connectionProperties.setProperty("password", settings.cdrPassword());
        }
        // PostgreSQL driver defaults, so that an unreachable PBX database fails the backfill instead of hanging it; the URL may override them.
        connectionProperties.setProperty("connectTimeout", CONNECT_TIMEOUT_SECONDS);
        connectionProperties.setProperty("socketTimeout", READ_TIMEOUT_SECONDS);
    }

    /** The rows whose party A appeared between {@code from} and {@code to}, both included. */
    List<CdrRow> rowsStartedBetween(Instant from, Instant to) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, connectionProperties)) {
            connection.setReadOnly(true);
            Set<String> columns = columns(connection);
            String start = columns.contains("calldate") ? "calldate" : "start";
            if (!columns.contains(start)) {
                throw new SQLException(table + " has neither a calldate nor a start column: is it cdr_pgsql's table?");
            }
            String linkedid = columns.contains("linkedid") ? "linkedid" : "NULL";
            String sql = "SELECT " + start + " AS started, src, dst, dcontext, channel, dstchannel, lastapp, lastdata, duration, billsec, "
                    + "disposition, uniqueid, " + linkedid + " AS linkedid FROM " + table
                    + " WHERE " + start + " >= ? AND " + start + " <= ? ORDER BY " + start + ", uniqueid";
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setTimestamp(1, Timestamp.from(from), utc());
                ps.setTimestamp(2, Timestamp.from(to), utc());
                try (ResultSet rs = ps.executeQuery()) {
                    List<CdrRow> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                    return rows;
                }
            }
        }
    }

    private Set<String> columns(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT * FROM " + table + " WHERE false");
             ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            Set<String> names = new HashSet<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                names.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
            }
            return names;
        }
    }

    private static CdrRow row(ResultSet rs) throws SQLException {
        return new CdrRow(rs.getTimestamp("started", utc()).toInstant(), rs.getString("src"), rs.getString("dst"),
                rs.getString("dcontext"), rs.getString("channel"), rs.getString("dstchannel"), rs.getString("lastapp"),
                rs.getString("lastdata"), rs.getLong("duration"), rs.getLong("billsec"), rs.getString("disposition"),
                rs.getString("uniqueid"), rs.getString("linkedid"));
    }

    /** A fresh calendar each time: they are not thread-safe. */
    private static Calendar utc() {
        return Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC));
    }
}
