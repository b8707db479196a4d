package org.callcentre.crm.audit;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

@MicronautTest(transactional = false)
class AuditRetentionTest {
    @Inject
    TestData data;
    @Inject
    AuditRetention retention;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    @BeforeEach
    void setUp() {
        data.reset();
        for (int daysAgo : List.of(800, 400, 366, 364, 10, 0)) {
            data.db().update("INSERT INTO audit_log (at, actor_login, action, entity) VALUES (now() - make_interval(days => ?), 'root', 'update', 'city')",
                    daysAgo);
        }
    }

    private List<String> actions() {
        return data.db().query("SELECT action FROM audit_log ORDER BY at", rs -> rs.getString(1));
    }

    @Test
    void rowsPastTheRetentionAreDeletedAndTheCleanUpIsItselfAudited() {
        assertEquals(3, retention.cleanUp());
        assertEquals(3, data.db().queryLong("SELECT count(*) FROM audit_log WHERE action = 'update'"));
        assertEquals(0, data.db().queryLong("SELECT count(*) FROM audit_log WHERE at < now() - interval '365 days'"));
        assertEquals(3, data.db().queryLong(
                "SELECT (changes->>'deleted')::int FROM audit_log WHERE action = 'purge' AND actor_login = 'audit-retention'"));
        assertEquals(0, retention.cleanUp(), "a second run finds nothing and writes nothing");
        assertEquals(4, data.count("audit_log"));
    }

    @Test
    void zeroDaysKeepsEverything() {
        assertEquals(0, new AuditRetention(data.db(), audit, clock, 0).cleanUp());
        assertEquals(6, data.count("audit_log"));
    }

    @Test
    void largeBacklogsAreDeletedInBatchesToTheEnd() {
        data.db().update("INSERT INTO audit_log (at, actor_login, action, entity) SELECT now() - interval '500 days', 'root', 'update', 'city'"
                + " FROM generate_series(1, 25000)");
        assertEquals(25_003, retention.cleanUp());
        assertEquals(3, data.db().queryLong("SELECT count(*) FROM audit_log WHERE action = 'update'"));
    }
}
