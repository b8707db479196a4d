package org.callcentre.crm.shared;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.stats.RollupRebuild;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A request whose statement the database cannot finish (here: it waits on a lock held elsewhere) is
 * cut off at crm.db.statement-timeout and answered 503, freeing its pooled connection, instead of
 * holding it for as long as the lock lasts. The rollup rebuild, which rewrites every rollup, is not
 * held to that limit.
 */
@MicronautTest(transactional = false)
@Property(name = "crm.db.statement-timeout", value = "3s")
class RequestStatementTimeoutTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    @Inject
    RollupRebuild rollups;
    @Value("${datasources.default.url}")
    String url;
    @Value("${datasources.default.username:}")
    String username;
    @Value("${datasources.default.password:}")
    String password;

    @Test
    void aRequestStuckInTheDatabaseIs503AtTheLimitAndTheRollupRebuildIsNotHeldToIt() throws Exception {
        try (Connection own = DriverManager.getConnection(url, username, password); Statement st = own.createStatement()) {
            // emptying every table can take longer than the limit on a busy machine: not through the pool
            st.execute("TRUNCATE operators, cities, audit_log RESTART IDENTITY CASCADE");
        }
        data.user("root", "admin", null, null);
        Api root = new Api(client).login("root", TestData.PASSWORD);
        assertEquals(200, root.get("/api/cities").status());

        try (Connection elsewhere = DriverManager.getConnection(url, username, password)) {
            elsewhere.setAutoCommit(false);
            try (Statement st = elsewhere.createStatement()) {
                st.execute("LOCK TABLE cities IN ACCESS EXCLUSIVE MODE");
                Api.Reply stuck = root.get("/api/cities");
                assertEquals(503, stuck.status(), stuck.toString());
                assertEquals(Map.of("code", "timeout",
                                "message", "The database took too long for this request; narrow the filters or try again later",
                                "fields", Map.of()),
                        stuck.body().get("error"));

                // a statement of the rebuild waits on the same kind of lock for longer than the limit, and still ends well
                st.execute("LOCK TABLE stats_rollup_settings IN ACCESS EXCLUSIVE MODE");
                Thread releaser = new Thread(() -> {
                    try {
                        Thread.sleep(8000);
                        elsewhere.rollback();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                releaser.start();
                rollups.rebuild();
                releaser.join();
            }
        }
        assertEquals(200, root.get("/api/cities").status());
    }
}
