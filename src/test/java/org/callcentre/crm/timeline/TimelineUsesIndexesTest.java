package org.callcentre.crm.timeline;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page of a timeline, the first or a deep one, reads each source through its
 * (client_id, created_at, id) index, never by scanning a table of the whole centre's history.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelineUsesIndexesTest {
    private static final int CLIENTS = 5_000;
    @Inject
    TestData data;
    long kazan;

    @BeforeAll
    void fillHistory() {
        data.reset();
        kazan = data.city("Казань", "Europe/Moscow");
        long operator = data.user("olga", "operator", kazan, "101");
        data.db().update("INSERT INTO clients (name, city_id) SELECT 'Client ' || g, ? FROM generate_series(1, ?) g", kazan, CLIENTS);
        data.db().update("INSERT INTO calls (source, external_id, client_id, city_id, direction, status, operator_id, created_at) "
                + "SELECT 'mango', 'bulk-' || g, 1 + g % ?, ?, 'inbound', 'answered', ?, "
                + "timestamptz '2025-01-01T00:00:00Z' + g * interval '5 minutes' FROM generate_series(1, ?) g", CLIENTS, kazan, operator, CLIENTS * 10);
        data.db().update("INSERT INTO client_notes (client_id, operator_id, text, created_at) SELECT 1 + g % ?, ?, 'note', "
                + "timestamptz '2025-01-01T00:00:00Z' + g * interval '10 minutes' FROM generate_series(1, ?) g", CLIENTS, operator, CLIENTS * 3);
        data.db().update("INSERT INTO orders (city_id, phone, client_id, created_at) SELECT ?, '+79160000000', 1 + g % ?, "
                + "timestamptz '2025-01-01T00:00:00Z' + g * interval '10 minutes' FROM generate_series(1, ?) g", kazan, CLIENTS, CLIENTS * 3);
        data.db().update("INSERT INTO tasks (kind, title, client_id, phone, status, missed, missed_count, due_at, last_missed_at, created_at) "
                + "SELECT 'callback', 'Перезвонить', g, '+79160000000', 'done', true, 1, now(), now(), "
                + "timestamptz '2025-01-01T00:00:00Z' + g * interval '1 hour' FROM generate_series(1, ?) g", CLIENTS);
        long account = data.db().insert("INSERT INTO avito_accounts (name, city_id, avito_user_id, client_id, webhook_secret_hash) "
                + "VALUES ('a', ?, 1, 'c', 'h') RETURNING id", kazan);
        data.db().update("INSERT INTO conversations (account_id, external_chat_id, client_id, last_message_at, created_at) "
                + "SELECT ?, 'c-' || g, 1 + g % ?, now(), timestamptz '2025-01-01T00:00:00Z' + g * interval '10 minutes' "
                + "FROM generate_series(1, ?) g", account, CLIENTS, CLIENTS * 3);
        data.db().update("INSERT INTO messages (conversation_id, sender, text, delivery_status, created_at) "
                + "SELECT c.id, 'client', 'hi', 'received', c.created_at + g * interval '1 minute' FROM conversations c, generate_series(1, 4) g");
        data.db().update("INSERT INTO tasks (title, city_id, assignee_id, client_id, due_at, created_at) SELECT 'task', ?, ?, 1 + g % ?, now(), "
                + "timestamptz '2025-01-01T00:00:00Z' + g * interval '10 minutes' FROM generate_series(1, ?) g", kazan, operator, CLIENTS, CLIENTS * 3);
        data.db().update("CHECKPOINT");
        for (String table : List.of("clients", "calls", "client_notes", "orders", "conversations", "messages", "tasks")) {
            data.db().update("VACUUM ANALYZE " + table);
        }
    }

    @AfterAll
    void emptyTheTables() {
        data.reset();
    }

    @Test
    void theFirstAndADeepPageReadEverySourceThroughItsIndex() {
        TimelineCursor deep = new TimelineCursor(Instant.parse("2025-03-01T00:00:00Z"), TimelineKind.order, 100);
        for (TimelineCursor cursor : List.of(TimelineCursor.START, deep)) {
            for (Long cityScope : java.util.Arrays.asList(null, kazan)) {
                TimelineRepository.Statement statement = TimelineRepository.statement(CLIENTS / 2, cursor, cityScope, 31);
                String plan = String.join("\n", data.db().query("EXPLAIN " + statement.sql(), rs -> rs.getString(1), statement.params()));
                for (String index : List.of("calls_client_created_idx", "orders_client_idx", "conversations_client_idx",
                        "client_notes_client_idx", "tasks_client_idx")) {
                    assertTrue(plan.contains(index), () -> index + " unused in\n" + plan);
                }
                for (String table : List.of("calls", "client_notes", "orders", "conversations", "messages", "tasks")) {
                    assertFalse(plan.contains("Seq Scan on " + table + " "), () -> table + " scanned in\n" + plan);
                }
            }
        }
    }
}
