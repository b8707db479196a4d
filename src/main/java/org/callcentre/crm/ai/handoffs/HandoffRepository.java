package org.callcentre.crm.ai.handoffs;

import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The auto-responder's and direct questions' hand-offs not yet added to the knowledge base. */
@Singleton
class HandoffRepository {
    /** A hand-off's city is its chat's, or the city it was asked for. */
    private static final String SELECT = """
            SELECT a.id, a.question, a.reason, a.confidence, a.conversation_id, a.created_at, a.handoff,
                   a.variant_entry_id, a.suggested_to, coalesce(v.city_id, a.city_id) AS city_id, c.name AS city
              FROM ai_answers a
              LEFT JOIN conversations v ON v.id = a.conversation_id
              LEFT JOIN cities c ON c.id = coalesce(v.city_id, a.city_id)
            """;

    record Stored(HandoffQuestion question, Long cityId, boolean handoff, Long variantEntryId, boolean suggestion) {
    }

    private final Db db;

    HandoffRepository(Db db) {
        this.db = db;
    }

    /** The newest {@code limit} open hand-offs in the period (and city, when given); reads ai_answers_open_handoffs_idx. */
    List<HandoffQuestion> open(Instant from, Instant toExclusive, Long cityId, int limit) {
        return db.query(SELECT + """
                         WHERE a.handoff AND a.variant_added_at IS NULL AND a.suggested_to IS NULL
                           AND a.created_at >= coalesce(?::timestamptz, '-infinity') AND a.created_at < coalesce(?::timestamptz, 'infinity')
                           AND (?::bigint IS NULL OR coalesce(v.city_id, a.city_id) = ?)
                         ORDER BY a.created_at DESC, a.id DESC LIMIT ?""",
                rs -> map(rs).question(), from, toExclusive, cityId, cityId, limit);
    }

    Optional<Stored> find(long answerId) {
        return db.queryOne(SELECT + " WHERE a.id = ? FOR UPDATE OF a", HandoffRepository::map, answerId);
    }

    void markAdded(long answerId, long entryId) {
        db.update("UPDATE ai_answers SET variant_entry_id = ?, variant_added_at = now() WHERE id = ?", entryId, answerId);
    }

    private static Stored map(java.sql.ResultSet rs) throws java.sql.SQLException {
        HandoffQuestion q = new HandoffQuestion(rs.getLong("id"), rs.getString("question"), rs.getString("reason"),
                rs.getDouble("confidence"), rs.getString("city"), Db.getLong(rs, "conversation_id"), Db.getInstant(rs, "created_at"));
        return new Stored(q, Db.getLong(rs, "city_id"), rs.getBoolean("handoff"), Db.getLong(rs, "variant_entry_id"),
                Db.getLong(rs, "suggested_to") != null);
    }
}
