package org.callcentre.crm.ai.answers;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

@Singleton
public class AiAnswerRepository {
    private static final String SELECT = "SELECT a.*, e.title AS entry_title, "
            + "(SELECT avg(r.rating) FROM ai_answer_ratings r WHERE r.ai_answer_id = a.id) AS average_rating, "
            + "(SELECT count(*) FROM ai_answer_ratings r WHERE r.ai_answer_id = a.id) AS ratings "
            + "FROM ai_answers a LEFT JOIN kb_entries e ON e.id = a.entry_id";

    private final Db db;
    private final ObjectMapper json;

    public AiAnswerRepository(Db db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Stores the decision; empty when an answer to this message was stored before (a retried sweep, two nodes). */
    public Optional<Long> insert(Long conversationId, Long messageId, String question, Long cityId, AnswerDecision d) {
        return db.queryOne("INSERT INTO ai_answers (conversation_id, message_id, question, city_id, answer, entry_id, confidence, "
                        + "handoff, reason, sources, written_by_llm) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (message_id) WHERE message_id IS NOT NULL DO NOTHING RETURNING id",
                rs -> rs.getLong(1), conversationId, messageId, question, cityId, d.answer(), d.entryId(), d.confidence(),
                d.handoff(), d.reason(), new Db.Jsonb(write(d.sources())), d.writtenByLlm());
    }

    /** An answer offered to operator {@code operatorId} in the reply box of a chat (no message of its own). */
    public long insertSuggestion(long conversationId, String question, Long cityId, AnswerDecision d, long operatorId) {
        return db.insert("INSERT INTO ai_answers (conversation_id, question, city_id, answer, entry_id, confidence, handoff, reason, "
                        + "sources, written_by_llm, suggested_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                conversationId, question, cityId, d.answer(), d.entryId(), d.confidence(), d.handoff(), d.reason(),
                new Db.Jsonb(write(d.sources())), d.writtenByLlm(), operatorId);
    }

    public Optional<AiAnswer> find(long id) {
        return db.queryOne(SELECT + " WHERE a.id = ?", this::map, id);
    }

    public List<AiAnswer> ofConversation(long conversationId) {
        return db.query(SELECT + " WHERE a.conversation_id = ? ORDER BY a.created_at, a.id", this::map, conversationId);
    }

    /**
     * Whether an actor limited to {@code cityScope} may see the answer: an answer to a chat belongs
     * to the chat's city (like the per-chat list); a question asked directly belongs to the city it
     * was asked for, and one asked for no city holds no client's words and is open to all.
     */
    public boolean visibleInCity(long id, long cityScope) {
        return db.queryOne("SELECT CASE WHEN a.conversation_id IS NOT NULL THEN c.city_id IS NOT DISTINCT FROM ? "
                        + "ELSE a.city_id IS NULL OR a.city_id = ? END "
                        + "FROM ai_answers a LEFT JOIN conversations c ON c.id = a.conversation_id WHERE a.id = ?",
                rs -> rs.getBoolean(1), cityScope, cityScope, id).orElse(false);
    }

    public Optional<Long> cityOfConversation(long conversationId) {
        return db.queryOne("SELECT city_id FROM conversations WHERE id = ?", rs -> Db.getLong(rs, "city_id"), conversationId);
    }

    /** One rating per operator and answer; rating again replaces it. */
    public void rate(long answerId, long operatorId, int rating, String comment) {
        db.update("INSERT INTO ai_answer_ratings (ai_answer_id, operator_id, rating, comment) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (ai_answer_id, operator_id) DO UPDATE SET rating = excluded.rating, "
                        + "comment = excluded.comment, created_at = now()",
                answerId, operatorId, rating, comment);
    }

    private AiAnswer map(ResultSet rs) throws SQLException {
        double average = rs.getDouble("average_rating");
        Double averageRating = rs.wasNull() ? null : average;
        return new AiAnswer(rs.getLong("id"), Db.getLong(rs, "conversation_id"), Db.getLong(rs, "message_id"),
                rs.getString("question"), rs.getString("answer"), rs.getString("entry_title"), rs.getDouble("confidence"),
                rs.getBoolean("handoff"), rs.getString("reason"), read(rs.getString("sources")),
                rs.getBoolean("written_by_llm"), averageRating, rs.getInt("ratings"), Db.getInstant(rs, "created_at"));
    }

    private String write(List<AnswerSource> sources) {
        try {
            return json.writeValueAsString(sources);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<AnswerSource> read(String sources) {
        try {
            return json.readValue(sources, Argument.listOf(AnswerSource.class));
        } catch (IOException e) {
            throw new UncheckedIOException("ai_answers.sources is not a list of sources", e);
        }
    }
}
