package org.callcentre.crm.bootstrap;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * More databases in the tests' embedded PostgreSQL, standing in for other systems' databases (such
 * as Asterisk's CDR database). Usable before any application context exists: it starts the same
 * shared server the application then gets.
 */
public final class EmbeddedDatabases {
    private EmbeddedDatabases() {
    }

    /** @return the JDBC URL of the database {@code name}, created if it does not exist yet */
    public static String create(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        // surefire runs the tests with crm.embedded-postgres.ephemeral: a throw-away cluster, as the application gets.
        String postgres = EmbeddedPostgresServer.jdbcUrl(Optional.empty());
        try (Connection connection = DriverManager.getConnection(postgres)) {
            if (!exists(connection, name)) {
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        String url = postgres.replace("/postgres?", "/" + name + "?");
        if (url.equals(postgres)) {
            throw new IllegalStateException("unexpected embedded PostgreSQL URL " + postgres);
        }
        return url;
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
