package org.callcentre.crm.knowledge;

import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;
import org.callcentre.crm.shared.Page;
import org.callcentre.crm.shared.PageRequest;
import org.callcentre.crm.shared.PagedQuery;
import org.callcentre.crm.shared.SqlFilter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

@Singleton
public class KnowledgeRepository {
    private static final String SELECT = "SELECT e.*, c.name AS city_name";
    private static final String FROM = "FROM kb_entries e LEFT JOIN cities c ON c.id = e.city_id";
    private static final String PAIR_SELECT = "SELECT p.*, c.name AS city_name";
    private static final String PAIR_FROM = "FROM kb_training_pairs p LEFT JOIN cities c ON c.id = p.city_id";

    private final Db db;
    private final PagedQuery pages;

    public KnowledgeRepository(Db db, PagedQuery pages) {
        this.db = db;
        this.pages = pages;
    }

    public Page<KbEntry> list(String category, Long cityId, PageRequest page) {
        SqlFilter filter = new SqlFilter().when(category, "e.category = ?").when(cityId, "e.city_id = ?");
        return pages.page(SELECT, FROM, filter, "e.created_at DESC, e.id DESC", KnowledgeRepository::entry, page);
    }

    public List<KbEntry> all() {
        return db.query(SELECT + " " + FROM + " ORDER BY e.id", KnowledgeRepository::entry);
    }

    public Optional<KbEntry> find(long id) {
        return db.queryOne(SELECT + " " + FROM + " WHERE e.id = ?", KnowledgeRepository::entry, id);
    }

    public Optional<Long> idByTitle(String title, Long cityId) {
        return db.queryOne("SELECT id FROM kb_entries WHERE lower(title) = lower(?) AND coalesce(city_id, 0) = coalesce(?, 0)",
                rs -> rs.getLong(1), title, cityId);
    }

    public long insert(String category, String title, List<String> questions, String answer, Long cityId, Long authorId) {
        return db.insert("INSERT INTO kb_entries (category, title, questions, answer, city_id, author_id) "
                + "VALUES (?, ?, ?, ?, ?, ?) RETURNING id", category, title, questions, answer, cityId, authorId);
    }

    public void update(long id, String category, String title, List<String> questions, String answer, Long cityId) {
        db.update("UPDATE kb_entries SET category = ?, title = ?, questions = ?, answer = ?, city_id = ?, updated_at = now() "
                + "WHERE id = ?", category, title, questions, answer, cityId, id);
    }

    public void delete(long id) {
        db.update("DELETE FROM kb_entries WHERE id = ?", id);
    }

    public Page<TrainingPair> pairs(String source, Long entryId, PageRequest page) {
        SqlFilter filter = new SqlFilter().when(source, "p.source = ?").when(entryId, "p.entry_id = ?");
        return pages.page(PAIR_SELECT, PAIR_FROM, filter, "p.created_at DESC, p.id DESC", KnowledgeRepository::pair, page);
    }

    public Optional<TrainingPair> pair(long id) {
        return db.queryOne(PAIR_SELECT + " " + PAIR_FROM + " WHERE p.id = ?", KnowledgeRepository::pair, id);
    }

    public long insertPair(String question, String answer, String source, Long entryId, Long cityId, Long conversationId,
                           Long authorId) {
        return db.insert("INSERT INTO kb_training_pairs (question, answer, source, entry_id, city_id, conversation_id, author_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id", question, answer, source, entryId, cityId, conversationId, authorId);
    }

    public void deletePair(long id) {
        db.update("DELETE FROM kb_training_pairs WHERE id = ?", id);
    }

    /** The questions of training pairs linked to each entry: extra variants for retrieval. */
    public Map<Long, List<String>> linkedQuestions() {
        return db.query("SELECT entry_id, question FROM kb_training_pairs WHERE entry_id IS NOT NULL ORDER BY id",
                        rs -> Map.entry(rs.getLong(1), rs.getString(2))).stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    /**
     * Operators' replies in chats not linked to an entry ({@code operator_reply} pairs): the client's
     * question and what the operator answered, newest first, at most {@code limit}.
     */
    public List<String[]> unlinkedOperatorReplies(int limit) {
        return db.query("SELECT question, answer FROM kb_training_pairs WHERE entry_id IS NULL AND source = 'operator_reply' "
                + "ORDER BY id DESC LIMIT ?", rs -> new String[]{rs.getString(1), rs.getString(2)}, limit);
    }

    /** Per entry: how many ratings its answers got and their sum. */
    public Map<Long, long[]> ratingsByEntry() {
        return db.query("SELECT a.entry_id, count(*), sum(r.rating) FROM ai_answer_ratings r "
                        + "JOIN ai_answers a ON a.id = r.ai_answer_id WHERE a.entry_id IS NOT NULL GROUP BY a.entry_id",
                        rs -> Map.entry(rs.getLong(1), new long[]{rs.getLong(2), rs.getLong(3)})).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Changes whenever anything retrieval reads changes (an entry, a linked pair, a rating), so each
     * node of the service sees another node's edit on its next question.
     */
    public String signature() {
        return db.queryOne("SELECT concat_ws('|', "
                        + "(SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(max(updated_at)::text, '') FROM kb_entries), "
                        + "(SELECT count(*) || ':' || coalesce(max(id), 0) FROM kb_training_pairs), "
                        + "(SELECT count(*) || ':' || coalesce(max(created_at)::text, '') FROM ai_answer_ratings))",
                rs -> rs.getString(1)).orElse("");
    }

    private static KbEntry entry(ResultSet rs) throws SQLException {
        return new KbEntry(rs.getLong("id"), rs.getString("category"), rs.getString("title"),
                Db.getTextArray(rs, "questions"), rs.getString("answer"), rs.getString("city_name"),
                Db.getLong(rs, "author_id"), Db.getInstant(rs, "created_at"), Db.getInstant(rs, "updated_at"));
    }

    private static TrainingPair pair(ResultSet rs) throws SQLException {
        return new TrainingPair(rs.getLong("id"), rs.getString("question"), rs.getString("answer"), rs.getString("source"),
                Db.getLong(rs, "entry_id"), rs.getString("city_name"), Db.getLong(rs, "conversation_id"),
                Db.getLong(rs, "author_id"), Db.getInstant(rs, "created_at"));
    }
}
