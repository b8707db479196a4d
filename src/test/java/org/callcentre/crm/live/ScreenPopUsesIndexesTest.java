package org.callcentre.crm.live;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A screen-pop must leave within milliseconds of the ring, however much history the call centre
 * has: the caller's card is read through indexes only, never by scanning a table.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScreenPopUsesIndexesTest {
    private static final int CLIENTS = 20_000;
    private static final List<String> BIG_TABLES = List.of("clients", "client_phones", "client_notes", "orders", "calls",
            "avito_tracked_calls");

    @Inject
    TestData data;
    long kazan;

    @BeforeAll
    void fillAYearOfHistory() {
        data.reset();
        kazan = data.city("Казань", "Europe/Moscow");
        long operator = data.user("olga", "operator", kazan, "101");
        data.db().update("INSERT INTO campaigns (rk, city_id, phone_ats, source) VALUES ('KZN-AVITO', ?, '+78432507713', 'avito')", kazan);
        data.db().update("INSERT INTO clients (name, city_id) SELECT 'Client ' || g, ? FROM generate_series(1, ?) g", kazan, CLIENTS);
        data.db().update("INSERT INTO client_phones (client_id, phone) SELECT id, '+7916' || lpad(id::text, 7, '0') FROM clients");
        // Five calls, two notes and two orders (one open) per client, spread over a year.
        data.db().update("INSERT INTO calls (source, external_id, client_id, direction, status, operator_id, created_at) "
                + "SELECT 'mango', 'bulk-' || g, 1 + g % ?, 'inbound', 'answered', ?, "
                + "timestamptz '2025-01-01T00:00:00Z' + g * interval '5 minutes' FROM generate_series(1, ?) g", CLIENTS, operator, CLIENTS * 5);
        data.db().update("INSERT INTO client_notes (client_id, operator_id, text, created_at) "
                + "SELECT 1 + g % ?, ?, 'note ' || g, timestamptz '2025-01-01T00:00:00Z' + g * interval '10 minutes' "
                + "FROM generate_series(1, ?) g", CLIENTS, operator, CLIENTS * 2);
        data.db().update("INSERT INTO orders (city_id, phone, client_id, status, created_at) "
                + "SELECT ?, '+7916' || lpad((1 + g % ?)::text, 7, '0'), 1 + g % ?, (ARRAY['new', 'completed'])[1 + g % 2], "
                + "timestamptz '2025-01-01T00:00:00Z' + g * interval '10 minutes' FROM generate_series(1, ?) g",
                kazan, CLIENTS, CLIENTS, CLIENTS * 2);
        // Two Avito-tracked calls per client's number, one of them of an ad.
        long account = data.db().insert("INSERT INTO avito_accounts (name, city_id, avito_user_id, client_id, webhook_secret_hash) "
                + "VALUES ('Казань', ?, 1, 'c', 'h') RETURNING id", kazan);
        data.db().update("INSERT INTO avito_tracked_calls (account_id, external_call_id, item_id, buyer_phone, call_time) "
                + "SELECT ?, 'tracked-' || g, CASE WHEN g % 2 = 0 THEN (g % 300)::text END, '+7916' || lpad((1 + g % ?)::text, 7, '0'), "
                + "timestamptz '2025-01-01T00:00:00Z' + g * interval '10 minutes' FROM generate_series(1, ?) g", account, CLIENTS, CLIENTS * 2);
        // As CallListUsesIndexesTest explains: what autovacuum would have done to tables grown by inserts.
        data.db().update("CHECKPOINT");
        for (String table : BIG_TABLES) {
            data.db().update("VACUUM ANALYZE " + table);
        }
    }

    @AfterAll
    void emptyTheTables() {
        data.reset();
    }

    @Test
    void theCallerCardIsReadThroughIndexes() {
        long client = CLIENTS / 2;
        long call = data.db().queryLong("SELECT max(id) FROM calls WHERE client_id = ?", client);
        String plan = String.join("\n", data.db().query("EXPLAIN " + ScreenPopRepository.CARD, rs -> rs.getString(1),
                "KZN-AVITO", client, client, kazan, kazan, client, call, call, "+7916" + String.format("%07d", client)));
        for (String table : BIG_TABLES) {
            assertFalse(plan.contains("Seq Scan on " + table + " "), () -> table + " scanned in\n" + plan);
        }
        assertTrue(plan.contains("calls_client_created_idx"), plan);
        assertTrue(plan.contains("orders_client_idx"), plan);
        assertTrue(plan.contains("avito_tracked_calls_buyer_idx"), plan);
    }
}
