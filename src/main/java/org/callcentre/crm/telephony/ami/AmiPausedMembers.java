package org.callcentre.crm.telephony.ami;

import jakarta.inject.Singleton;
import org.callcentre.crm.operators.WorkStatusChanged;
import org.callcentre.crm.shared.Db;

import java.util.List;

/** Operators with a phone who are on break or offline: the queue members that should be paused. */
@Singleton
class AmiPausedMembers {
    private final Db db;

    AmiPausedMembers(Db db) {
        this.db = db;
    }

    /** Each as the status change that paused them. */
    List<WorkStatusChanged> all() {
        return db.query("SELECT id, sip_address, status_work FROM operators WHERE sip_address IS NOT NULL AND status_work <> 'working' ORDER BY id",
                rs -> new WorkStatusChanged(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }
}
