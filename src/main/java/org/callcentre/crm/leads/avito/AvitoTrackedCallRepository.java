package org.callcentre.crm.leads.avito;

import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Singleton
class AvitoTrackedCallRepository {
    private final Db db;

    AvitoTrackedCallRepository(Db db) {
        this.db = db;
    }

    /** Stores a reported call once; empty when it was stored before. */
    Optional<Long> insert(long accountId, String externalCallId, String itemId, String buyerPhone, String virtualPhone,
                          Instant callTime, int talkSeconds) {
        return db.queryOne("INSERT INTO avito_tracked_calls (account_id, external_call_id, item_id, buyer_phone, virtual_phone, "
                        + "call_time, talk_seconds) VALUES (?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (account_id, external_call_id) DO NOTHING RETURNING id",
                rs -> rs.getLong(1), accountId, externalCallId, itemId, buyerPhone, virtualPhone, callTime, talkSeconds);
    }

    /**
     * Links unlinked reported calls to our call from the same number that started closest to the
     * reported time, within {@code slackSeconds}; returns how many were linked. Uses
     * calls_client_phone_idx.
     */
    int linkUnlinked(long accountId, int slackSeconds) {
        return db.update("UPDATE avito_tracked_calls t SET call_id = (SELECT c.id FROM calls c WHERE c.client_phone = t.buyer_phone "
                        + "AND c.created_at BETWEEN t.call_time - make_interval(secs => ?) AND t.call_time + make_interval(secs => ?) "
                        + "ORDER BY abs(extract(epoch FROM c.created_at - t.call_time)), c.id LIMIT 1) "
                        + "WHERE t.account_id = ? AND t.call_id IS NULL AND t.buyer_phone IS NOT NULL AND EXISTS ("
                        + "SELECT 1 FROM calls c WHERE c.client_phone = t.buyer_phone "
                        + "AND c.created_at BETWEEN t.call_time - make_interval(secs => ?) AND t.call_time + make_interval(secs => ?))",
                slackSeconds, slackSeconds, accountId, slackSeconds, slackSeconds);
    }

    /** Ads named by this account's reports that none of its reports describes yet. */
    List<String> undescribedItems(long accountId, int limit) {
        return db.query("SELECT item_id FROM avito_tracked_calls WHERE account_id = ? AND item_id IS NOT NULL GROUP BY item_id "
                + "HAVING bool_and(item_title IS NULL AND item_url IS NULL) ORDER BY max(call_time) DESC LIMIT ?", rs -> rs.getString(1), accountId, limit);
    }

    void describe(long accountId, String itemId, String title, String url) {
        db.update("UPDATE avito_tracked_calls SET item_title = ?, item_url = ? WHERE account_id = ? AND item_id = ?", title, url, accountId, itemId);
    }
}
