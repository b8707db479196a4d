package org.callcentre.crm.calls;

import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;
import org.callcentre.crm.shared.Page;
import org.callcentre.crm.shared.PageRequest;
import org.callcentre.crm.shared.PagedQuery;
import org.callcentre.crm.shared.ReadDb;
import org.callcentre.crm.shared.SqlFilter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

@Singleton
public class CallRepository {
    private static final String SELECT = "SELECT c.*, ci.name AS city_name, o.name AS operator_name, cl.name AS client_name";
    private static final String FROM = "FROM calls c LEFT JOIN cities ci ON ci.id = c.city_id "
            + "LEFT JOIN operators o ON o.id = c.operator_id LEFT JOIN clients cl ON cl.id = c.client_id";
    private static final String PAGE_IDS = "SELECT c.id";
    private static final String CALLS_ONLY = "FROM calls c";
    private static final String NEWEST_FIRST = "c.created_at DESC, c.id DESC";

    private final Db db;
    /** The lists' reads: on the read replica when one is configured (a user's own changes come from the primary). */
    private final ReadDb reads;
    private final PagedQuery pages;

    public CallRepository(Db db, ReadDb reads, PagedQuery pages) {
        this.db = db;
        this.reads = reads;
        this.pages = pages;
    }

    /** The ad of the call's Avito call tracking report (avito_tracked_calls_call_idx); empty for a call Avito did not report. */
    public Optional<Call.AvitoAd> avitoAd(long callId) {
        return db.queryOne("SELECT item_id, item_title, item_url FROM avito_tracked_calls WHERE call_id = ? AND item_id IS NOT NULL "
                        + "ORDER BY id LIMIT 1",
                rs -> new Call.AvitoAd(rs.getString(1), rs.getString(2), rs.getString(3)), callId);
    }

    public Optional<Call> findById(long id) {
        return db.queryOne(SELECT + " " + FROM + " WHERE c.id = ?", CallRepository::map, id);
    }

    /**
     * The page is chosen, and counted, on the calls table alone, so that the filter's
     * (column, created_at, id) index answers it without touching the table; only the rows shown
     * are then read and joined to their names.
     */
    public Page<Call> list(CallFilter filter, PageRequest page) {
        Page<Long> ids = pages.page(PAGE_IDS, CALLS_ONLY, where(filter), NEWEST_FIRST, rs -> rs.getLong(1), page);
        return new Page<>(rows(ids.items()), ids.pagination());
    }

    /** A numbered page as {@link #list} chooses it, without the count: the rows alone, for a client that asked for none. */
    public List<Call> listUncounted(CallFilter filter, PageRequest page) {
        return rows(pages.rows(PAGE_IDS, CALLS_ONLY, where(filter), NEWEST_FIRST, rs -> rs.getLong(1), page));
    }

    /**
     * Up to {@code limit} calls before {@code after} in the list's order, uncounted: one range of the
     * filter's index from the cursor on, whatever the depth.
     */
    public List<Call> listAfter(CallFilter filter, CallCursor after, int limit) {
        SqlFilter where = afterCursor(where(filter), after);
        return rows(reads.query(pageAfterSql(where), rs -> rs.getLong(1), where.params(limit)));
    }

    /** The statement by which {@link #listAfter} chooses the page's ids; its parameters are {@code where.params(limit)}. */
    String pageAfterSql(SqlFilter where) {
        return PAGE_IDS + " " + CALLS_ONLY + where.where() + " ORDER BY " + NEWEST_FIRST + " LIMIT ?";
    }

    /** A row comparison, which a (column, created_at, id) index answers as the bound of its range. */
    SqlFilter afterCursor(SqlFilter where, CallCursor after) {
        return where.always("(c.created_at, c.id) < (?, ?)", after.createdAt(), after.id());
    }

    private List<Call> rows(List<Long> ids) {
        return ids.isEmpty() ? List.of()
                : reads.query(SELECT + " " + FROM + " WHERE c.id = ANY (?::bigint[]) ORDER BY " + NEWEST_FIRST, CallRepository::map, ids);
    }

    /** {@code disposition} is the picked entry's name, kept beside its id for the lists and exports that show it. */
    public void annotate(long id, Long dispositionId, String disposition, String note) {
        db.update("UPDATE calls SET disposition_id = ?, disposition = ?, note = ?, updated_at = now() WHERE id = ?",
                dispositionId, disposition, note, id);
    }

    /** The operator, status, city and rk filters each lead a (column, created_at, id) index, so a filtered month is one index range. */
    public SqlFilter where(CallFilter f) {
        return new SqlFilter()
                .when(f.cityScope(), "c.city_id = ?")
                .when(f.dates().from(), "c.created_at >= ?")
                .when(f.dates().toExclusive(), "c.created_at < ?")
                .when(f.operatorId(), "c.operator_id = ?")
                .when(f.status(), "c.status = ?")
                .when(f.cityId(), "c.city_id = ?")
                .when(f.rk(), "c.rk = ?")
                .when(f.direction(), "c.direction = ?")
                .when(f.clientPhone(), "c.client_phone = ?")
                // The transcripts' GIN index finds the matching calls first, once (an ARRAY subquery is an
                // InitPlan): as an IN the planner walks calls newest-first probing each transcript,
                // which reads every call when the words are rare. The text is Russian-stemmed like the index.
                .when(f.text(), "c.id = ANY (ARRAY(SELECT t.call_id FROM transcripts t WHERE t.search @@ plainto_tsquery('russian', ?)))");
    }

    /** The statement by which {@link #list} chooses the page's ids, so that a test can EXPLAIN exactly it. */
    String pageIdsSql(SqlFilter where) {
        return PagedQuery.pageSql(PAGE_IDS, CALLS_ONLY, where, NEWEST_FIRST);
    }

    /** The statement by which {@link #list} counts the matching calls. */
    String countSql(SqlFilter where) {
        return PagedQuery.countSql(CALLS_ONLY, where);
    }

    /** A row of {@code calls c} with {@code city_name}, {@code operator_name} and {@code client_name} beside it. */
    public static Call map(ResultSet rs) throws SQLException {
        Long operatorId = Db.getLong(rs, "operator_id");
        return new Call(rs.getLong("id"), rs.getString("source"), rs.getString("external_id"), rs.getString("rk"),
                rs.getString("city_name"), Db.getLong(rs, "city_id"), rs.getString("client_phone"),
                rs.getString("ats_phone"), rs.getString("direction"), rs.getString("status"),
                rs.getString("missed_reason"), operatorId == null ? null : new Call.OperatorRef(operatorId, rs.getString("operator_name")),
                operatorId, rs.getString("operator_extension"), Db.getLong(rs, "client_id"), rs.getString("client_name"), Db.getLong(rs, "order_id"),
                Db.getInstant(rs, "created_at"), Db.getInstant(rs, "answered_at"), Db.getInstant(rs, "ended_at"),
                rs.getInt("wait_seconds"), Db.getInt(rs, "hold_seconds"), Db.getInt(rs, "talk_seconds"),
                rs.getString("disconnect_reason"), rs.getString("disposition"), rs.getString("note"),
                rs.getString("recording_ref"), Db.getLong(rs, "disposition_id"), null);
    }
}
