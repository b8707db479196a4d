package org.callcentre.crm.ai.replies;

import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;
import org.callcentre.crm.shared.Page;
import org.callcentre.crm.shared.PageRequest;
import org.callcentre.crm.shared.PagedQuery;
import org.callcentre.crm.shared.SqlFilter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

@Singleton
class ReplyRepository {
    private static final String SELECT = "SELECT t.*, c.name AS city_name";
    private static final String FROM = "FROM reply_templates t LEFT JOIN cities c ON c.id = t.city_id";
    private static final int QUICK_REPLIES = 20;

    record Suggestion(long id, long conversationId, String answer, Long operatorId, String used, Long usedMessageId) {
    }

    private final Db db;
    private final PagedQuery pages;

    ReplyRepository(Db db, PagedQuery pages) {
        this.db = db;
        this.pages = pages;
    }

    Page<ReplyTemplate> list(Long cityId, PageRequest page) {
        return pages.page(SELECT, FROM, new SqlFilter().when(cityId, "t.city_id = ?"), "t.title, t.id", ReplyRepository::template, page);
    }

    Optional<ReplyTemplate> find(long id) {
        return db.queryOne(SELECT + " " + FROM + " WHERE t.id = ?", ReplyRepository::template, id);
    }

    long insert(String title, String text, Long cityId, Long authorId) {
        return db.insert("INSERT INTO reply_templates (title, text, city_id, author_id) VALUES (?, ?, ?, ?) RETURNING id",
                title, text, cityId, authorId);
    }

    void update(long id, String title, String text, Long cityId) {
        db.update("UPDATE reply_templates SET title = ?, text = ?, city_id = ?, updated_at = now() WHERE id = ?", title, text, cityId, id);
    }

    void delete(long id) {
        db.update("DELETE FROM reply_templates WHERE id = ?", id);
    }

    /**
     * Templates, then knowledge-base answers, of every city and of {@code cityId} (null: of every
     * city only) whose title or text holds {@code search} (null: all), by title. Both lists are the
     * few hundred rows an admin keeps, read whole.
     */
    List<QuickReply> quickReplies(String search, Long cityId) {
        String like = search == null ? null : "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return db.query("""
                SELECT * FROM (
                  SELECT 'template' AS source, t.id, t.title, t.text FROM reply_templates t
                   WHERE (t.city_id IS NULL OR t.city_id = ?) AND (?::text IS NULL OR t.title ILIKE ? OR t.text ILIKE ?)
                  UNION ALL
                  SELECT 'knowledge', e.id, e.title, e.answer FROM kb_entries e
                   WHERE (e.city_id IS NULL OR e.city_id = ?) AND (?::text IS NULL OR e.title ILIKE ? OR e.answer ILIKE ?)
                ) r ORDER BY source DESC, lower(title), id LIMIT ?""",
                rs -> new QuickReply(QuickReply.Source.valueOf(rs.getString("source")), rs.getLong("id"), rs.getString("title"),
                        rs.getString("text")),
                cityId, like, like, like, cityId, like, like, like, QUICK_REPLIES);
    }

    /** The operator's latest suggestion in the chat for this question not yet used: offered again instead of a new one. */
    Optional<Long> openSuggestion(long conversationId, long operatorId, String question) {
        return db.queryOne("SELECT id FROM ai_answers WHERE conversation_id = ? AND suggested_to = ? AND question = ? AND used IS NULL "
                + "ORDER BY id DESC LIMIT 1", rs -> rs.getLong(1), conversationId, operatorId, question);
    }

    Optional<Suggestion> suggestionForUpdate(long answerId) {
        return db.queryOne("SELECT id, conversation_id, answer, suggested_to, used, used_message_id FROM ai_answers "
                        + "WHERE id = ? AND suggested_to IS NOT NULL FOR UPDATE",
                rs -> new Suggestion(rs.getLong("id"), rs.getLong("conversation_id"), rs.getString("answer"),
                        Db.getLong(rs, "suggested_to"), rs.getString("used"), Db.getLong(rs, "used_message_id")), answerId);
    }

    void markUsed(long answerId, SuggestionUse.Use use, long messageId) {
        db.update("UPDATE ai_answers SET used = ?, used_message_id = ? WHERE id = ?", use.name(), messageId, answerId);
    }

    private static ReplyTemplate template(ResultSet rs) throws SQLException {
        return new ReplyTemplate(rs.getLong("id"), rs.getString("title"), rs.getString("text"), rs.getString("city_name"),
                Db.getLong(rs, "author_id"), Db.getInstant(rs, "created_at"), Db.getInstant(rs, "updated_at"));
    }
}
