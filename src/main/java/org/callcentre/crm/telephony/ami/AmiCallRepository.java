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

    /** Of these call keys, the ones that already have a row. */
    Set<String> knownCallKeys(Collection<String> callKeys) {
        return new HashSet<>(db.query("SELECT external_id FROM calls WHERE source = ? AND external_id = ANY (?::text[])",
                rs -> rs.getString(1), AmiCallEventTranslator.SOURCE, callKeys));
    }
}
