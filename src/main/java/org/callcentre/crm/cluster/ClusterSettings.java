package org.callcentre.crm.cluster;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

/**
 * Whether this service runs as one of several nodes on one PostgreSQL ({@code crm.cluster.enabled}),
 * this node's id, and the way to open the connections that cluster work needs for itself: a
 * session advisory lock and a LISTEN live exactly as long as their connection, so neither can use
 * the pool.
 */
@Singleton
public class ClusterSettings {
    private final boolean enabled;
    private final Duration checkInterval;
    private final String url;
    private final String username;
    private final String password;
    private final String nodeId = UUID.randomUUID().toString().substring(0, 8);

    ClusterSettings(@Value("${crm.cluster.enabled:false}") boolean enabled,
                    @Value("${crm.cluster.check-interval:1s}") Duration checkInterval,
                    @Value("${datasources.default.url}") String url,
                    @Value("${datasources.default.username:}") String username,
                    @Value("${datasources.default.password:}") String password) {
        if (checkInterval.isNegative() || checkInterval.isZero()) {
            throw new IllegalArgumentException("crm.cluster.check-interval must be positive, not " + checkInterval);
        }
        this.enabled = enabled;
        this.checkInterval = checkInterval;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    public boolean enabled() {
        return enabled;
    }

    Duration checkInterval() {
        return checkInterval;
    }

    public String nodeId() {
        return nodeId;
    }

    /** A connection of its own; a dead database is noticed within a check interval, not a TCP timeout. */
    Connection openDedicated() throws SQLException {
        Connection connection = username.isEmpty() ? DriverManager.getConnection(url) : DriverManager.getConnection(url, username, password);
        connection.setAutoCommit(true);
        connection.setNetworkTimeout(Runnable::run, (int) checkInterval.multipliedBy(5).toMillis());
        return connection;
    }
}
