package org.callcentre.crm.stats;

import org.callcentre.crm.testing.TestData;

import java.time.Instant;
import java.util.List;

/**
 * Chats of three cities in three zones (and some of no city), generated in set-based statements, with
 * {@code operatorCount} operators (a multiple of 3) spread over the cities:
 * {@code chats} conversations spread over {@code days} days from {@code start}, each with client
 * messages, and by its number an AI answer, operator replies, a holding message, one round handed to
 * people (answered after 0–10 minutes, closed within two hours or left open, some past their
 * deadlines) and for some a second round two days later that nobody answered. The figures are
 * arbitrary but fixed, so a failure repeats.
 */
final class GeneratedChats {
    final long moscow;
    final long novosibirsk;
    final long vladivostok;
    final List<Long> operators;

    GeneratedChats(TestData data, int operatorCount, int chats, Instant start, int days) {
        moscow = data.city("Москва", "Europe/Moscow");
        novosibirsk = data.city("Новосибирск", "Asia/Novosibirsk");
        vladivostok = data.city("Владивосток", "Asia/Vladivostok");
        data.user("boss", "supervisor", null, null);
        List<Long> cities = List.of(moscow, novosibirsk, vladivostok);
        operators = new java.util.ArrayList<>();
        for (int i = 0; i < operatorCount; i++) {
            operators.add(data.user("op" + i, "operator", cities.get(i % 3), String.valueOf(300 + i)));
        }
        long account = data.db().insert("""
                INSERT INTO avito_accounts (name, city_id, avito_user_id, client_id, webhook_secret_hash)
                VALUES ('Авито', ?, 1, 'cid', 'hash') RETURNING id""", moscow);
        // a chat's city: i % 4 picks Moscow, Novosibirsk, Vladivostok or none (answered then by Moscow's operators)
        data.db().update("""
                INSERT INTO conversations (id, account_id, external_chat_id, city_id, status, last_message_at, created_at)
                SELECT i, ?, 'g-' || i, (ARRAY[?, ?, ?, NULL]::bigint[])[1 + i % 4], 'closed', t, t
                FROM generate_series(1, ?) i
                CROSS JOIN LATERAL (SELECT ?::timestamptz + (i::bigint * 7919 % (? * 86400)) * interval '1 second' AS t) g""",
                account, moscow, novosibirsk, vladivostok, chats, start, days);
        data.db().queryLong("SELECT setval('conversations_id_seq', ?)", chats);
        String operatorOfChat = "(ARRAY" + operators + "::bigint[])[1 + (v.id % 4 % 3 + 3 * (v.id / 4 % " + operatorCount / 3 + "))::int]";
        // client messages: 1–3; an AI answer when i % 4 = 0; 1–2 operator replies when i % 4 is 1 or 2; a holding message when i % 5 = 0
        data.db().update("""
                INSERT INTO messages (conversation_id, sender, operator_id, text, delivery_status, created_at)
                SELECT v.id, m.sender, CASE WHEN m.sender = 'operator' THEN %s END, 'text',
                       CASE WHEN m.sender = 'client' THEN 'received' ELSE 'sent' END, v.created_at + m.k * interval '1 minute'
                FROM conversations v
                CROSS JOIN LATERAL (SELECT 'client' AS sender, k FROM generate_series(0, v.id %% 3) k
                                    UNION ALL SELECT 'ai', 5 WHERE v.id %% 4 = 0
                                    UNION ALL SELECT 'operator', 6 + k FROM generate_series(0, v.id %% 2) k WHERE v.id %% 4 IN (1, 2)
                                    UNION ALL SELECT 'system', 4 WHERE v.id %% 5 = 0) m""".formatted(operatorOfChat));
        // the first round: chats an operator answered (i % 4 in 1, 2) and every 8th of the others, unanswered
        data.db().update("""
                INSERT INTO chat_rounds (conversation_id, city_id, operator_id, started_at, first_response_due, first_response_at,
                                         first_response_breached, resolution_due, resolved_at, resolution_breached)
                SELECT v.id, v.city_id, CASE WHEN answered THEN %s END, s, s + interval '5 minutes',
                       CASE WHEN answered THEN s + (v.id %% 600) * interval '1 second' END,
                       v.id %% 600 > 300 OR NOT answered, s + interval '1 hour',
                       CASE WHEN v.id %% 3 <> 0 THEN s + (v.id %% 7200) * interval '1 second' END,
                       v.id %% 7200 > 3600 OR v.id %% 3 = 0
                FROM conversations v
                CROSS JOIN LATERAL (SELECT v.created_at + interval '1 minute' AS s, v.id %% 4 IN (1, 2) AS answered) r
                WHERE v.id %% 4 IN (1, 2) OR v.id %% 8 = 3""".formatted(operatorOfChat));
        // a second round two days on, for every 8th chat: nobody answered it, it was closed late by the chat's operator
        data.db().update("""
                INSERT INTO chat_rounds (conversation_id, city_id, operator_id, started_at, first_response_due, first_response_breached,
                                         resolution_due, resolved_at, resolution_breached)
                SELECT v.id, v.city_id, %s, v.created_at + interval '2 days', v.created_at + interval '2 days 5 minutes', true,
                       v.created_at + interval '2 days 1 hour', v.created_at + interval '2 days 3 hours', true
                FROM conversations v WHERE v.id %% 8 = 1""".formatted(operatorOfChat));
        data.db().update("ANALYZE conversations");
        data.db().update("ANALYZE messages");
        data.db().update("ANALYZE chat_rounds");
    }
}
