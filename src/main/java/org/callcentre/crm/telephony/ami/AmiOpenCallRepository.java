package org.callcentre.crm.telephony.ami;

import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;

import java.util.List;

/** AMI calls whose end we have not seen. */
@Singleton
class AmiOpenCallRepository {
    private final Db db;

    AmiOpenCallRepository(Db db) {
        this.db = db;
    }

    List<String> openCallKeys() {
        return db.query("SELECT external_id FROM calls WHERE source = ? AND ended_at IS NULL",
                rs -> rs.getString(1), AmiCallEventTranslator.SOURCE);
    }
}
