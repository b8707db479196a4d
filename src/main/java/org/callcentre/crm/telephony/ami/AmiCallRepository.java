package org.callcentre.crm.telephony.ami;

import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The AMI calls the CRM has rows for. */
@Singleton
class AmiCallRepository {
    private final Db db;

    AmiCallRepository(Db db) {
        this.db = db;
    }

    /** Calls whose end we have not seen. */
    List<String> openCallKeys() {
        return db.query("SELECT external_id FROM calls WHERE source = ? AND ended_at IS NULL",
                rs -> rs.getString(1), AmiCallEventTranslator.SOURCE);
    }

    /**
     * Of these call keys, the ones that have a row whose end was heard: not those whose legs the
     * reconciliation found gone ({@code …:Reconciled} endings, time unknown), which the CDR may still
     * complete. Through call_events_call_idx.
     */
    Set<String> heardCallKeys(Collection<String> callKeys) {
        return new HashSet<>(db.query("""
                        SELECT c.external_id FROM calls c
                         WHERE c.source = ? AND c.external_id = ANY (?::text[])
                           AND NOT EXISTS (SELECT 1 FROM call_events e WHERE e.source = c.source AND e.call_key = c.external_id
                                                                          AND e.event_id LIKE '%:Reconciled')""",
                rs -> rs.getString(1), AmiCallEventTranslator.SOURCE, callKeys));
    }
}
