package org.callcentre.crm.telephony.ami;

import org.callcentre.crm.bootstrap.EmbeddedDatabases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;

/**
 * Asterisk's cdr_pgsql database for the tests: {@code asteriskcdr} beside the CRM's database in the
 * embedded PostgreSQL, holding the table of {@code telephony/asterisk/cdr_pgsql.sql}.
 */
final class CdrDatabase {
    private static final Path SCHEMA = Path.of("telephony/asterisk/cdr_pgsql.sql");

    private final String url;

    private CdrDatabase(String url) {
        this.url = url;
    }

    /** A fresh, empty {@code cdr} table. */
    static CdrDatabase create() {
        CdrDatabase cdr = new CdrDatabase(EmbeddedDatabases.create("asteriskcdr"));
        try {
            cdr.execute("DROP TABLE IF EXISTS cdr, cdr_hidden");
            cdr.execute(Files.readString(SCHEMA));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return cdr;
    }

    String url() {
        return url;
    }

    void clear() {
        execute("TRUNCATE cdr");
    }

    /** Writes the row as cdr_pgsql would, filling the columns the CRM does not read as Asterisk does. */
    void insert(CdrRow row) {
        try (Connection connection = DriverManager.getConnection(url); PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO cdr (calldate, clid, src, dst, dcontext, channel, dstchannel, lastapp, lastdata, duration, billsec,
                                 disposition, amaflags, accountcode, uniqueid, userfield, linkedid)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 3, '', ?, '', ?)""")) {
            ps.setTimestamp(1, Timestamp.from(row.start()));
            ps.setString(2, "\"" + row.src() + "\" <" + row.src() + ">");
            ps.setString(3, row.src());
            ps.setString(4, row.dst());
            ps.setString(5, row.dcontext());
            ps.setString(6, row.channel());
            ps.setString(7, row.dstchannel());
            ps.setString(8, row.lastapp());
            ps.setString(9, row.lastdata());
            ps.setLong(10, row.duration());
            ps.setLong(11, row.billsec());
            ps.setString(12, row.disposition());
            ps.setString(13, row.uniqueid());
            ps.setString(14, row.linkedid());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes the table unreadable under its configured name, as a wrong {@code table} setting would. */
    void hideTable() {
        execute("ALTER TABLE cdr RENAME TO cdr_hidden");
    }

    void restoreTable() {
        execute("ALTER TABLE IF EXISTS cdr_hidden RENAME TO cdr");
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
