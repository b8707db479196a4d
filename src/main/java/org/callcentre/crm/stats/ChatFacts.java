package org.callcentre.crm.stats;

import java.util.List;
import java.util.stream.Stream;

/**
 * What chats add to the chat rollups, as two kinds of kept facts sharing one set of rollups:
 *
 * <ul>
 * <li>a <b>chat</b> counts on the local day it began, under the operator who first replied in it: it is
 * handled by the AI alone when the AI answered and no operator did, by people when an operator
 * replied; its messages are those of the client, the AI and operators (not the service's holding
 * messages);</li>
 * <li>a <b>round</b> (a chat handed to people, until closed: {@code chat_rounds}) counts on the local day
 * it began, under the operator who answered first in it (or, closed unanswered, its owner then): its
 * first-response and resolution times run from its start, in wall-clock seconds, and each deadline
 * missed is a breach.</li>
 * </ul>
 *
 * A chat's or round's city zone gives its day, the centre's default zone when it has no city.
 */
final class ChatFacts {
    private static final List<String> KEYS = List.of("operator_id", "city_id", "day");
    private static final List<String> CHAT_MEASURES = List.of("chats", "ai_only", "by_people", "messages");
    private static final List<String> ROUND_MEASURES = List.of("rounds", "first_responses", "first_response_seconds", "resolved",
            "resolution_seconds", "first_response_breaches", "resolution_breaches");
    private static final List<RollupTable> ROLLUPS = List.of(
            new RollupTable("stats_chat_operator_day", List.of("operator_id", "day"), "operator_id IS NOT NULL"),
            new RollupTable("stats_chat_operator_span", List.of(FactKind.SPAN_LEVEL, FactKind.SPAN, "operator_id"), "operator_id IS NOT NULL"),
            new RollupTable("stats_chat_city_day", List.of("city_id", "day"), null),
            new RollupTable("stats_chat_city_month", List.of("city_id", FactKind.MONTH), null),
            new RollupTable("stats_chat_centre_day", List.of("day"), null));

    static final KeptFacts CHATS = new KeptFacts("stats_chat_facts", "conversation_id", "v.id",
            new FactKind(KEYS, List.of(), CHAT_MEASURES, ROLLUPS));
    static final KeptFacts ROUNDS = new KeptFacts("stats_chat_round_facts", "round_id", "r.id",
            new FactKind(KEYS, List.of(), ROUND_MEASURES, ROLLUPS));
    /** Every measure the rollups hold, for reading them. */
    static final FactKind READ = new FactKind(KEYS, List.of(),
            Stream.concat(CHAT_MEASURES.stream(), ROUND_MEASURES.stream()).toList(), ROLLUPS);

    private static final String CHAT_SOURCE = """
            SELECT v.id AS conversation_id, m.first_operator AS operator_id, v.city_id,
                   (v.created_at AT TIME ZONE coalesce(ci.timezone, st.default_zone))::date AS day,
                   1 AS chats,
                   (m.ai > 0 AND m.operator = 0)::int AS ai_only,
                   (m.operator > 0)::int AS by_people,
                   m.client + m.ai + m.operator AS messages
            FROM conversations v
            CROSS JOIN (SELECT ?::text AS default_zone) st
            LEFT JOIN cities ci ON ci.id = v.city_id
            CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE sender = 'client') AS client,
                                       count(*) FILTER (WHERE sender = 'ai') AS ai,
                                       count(*) FILTER (WHERE sender = 'operator') AS operator,
                                       (array_agg(operator_id ORDER BY created_at, id) FILTER (WHERE sender = 'operator'))[1]
                                           AS first_operator
                                FROM messages WHERE conversation_id = v.id) m""";

    private static final String ROUND_SOURCE = """
            SELECT r.id AS round_id, r.operator_id, r.city_id,
                   (r.started_at AT TIME ZONE coalesce(ci.timezone, st.default_zone))::date AS day,
                   1 AS rounds,
                   (r.first_response_at IS NOT NULL)::int AS first_responses,
                   coalesce(round(extract(epoch FROM r.first_response_at - r.started_at)), 0)::bigint AS first_response_seconds,
                   (r.resolved_at IS NOT NULL)::int AS resolved,
                   coalesce(round(extract(epoch FROM r.resolved_at - r.started_at)), 0)::bigint AS resolution_seconds,
                   r.first_response_breached::int AS first_response_breaches,
                   r.resolution_breached::int AS resolution_breaches
            FROM chat_rounds r
            CROSS JOIN (SELECT ?::text AS default_zone) st
            LEFT JOIN cities ci ON ci.id = r.city_id""";

    private ChatFacts() {
    }

    /** The facts of conversations rows, ending with its joins so that a WHERE on {@code v} may follow. */
    static Sql chatSource(StatsSettings settings) {
        return new Sql(CHAT_SOURCE, settings.defaultZone().getId());
    }

    /** The facts of chat_rounds rows, ending with its joins so that a WHERE on {@code r} may follow. */
    static Sql roundSource(StatsSettings settings) {
        return new Sql(ROUND_SOURCE, settings.defaultZone().getId());
    }
}
