package org.callcentre.crm.telephony.ami;

import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;

import java.time.Instant;
import java.util.Optional;

/** {@code ami_listened_marks}: per manager address, up to when everything heard from it is stored. */
@Singleton
class AmiListenedMarks {
    private final Db db;

    AmiListenedMarks(Db db) {
        this.db = db;
    }

    Optional<Instant> storedUntil(String address) {
        return db.queryOne("SELECT stored_until FROM ami_listened_marks WHERE address = ?", rs -> Db.getInstant(rs, "stored_until"), address);
    }

    void stored(String address, Instant until) {
        db.update("""
                INSERT INTO ami_listened_marks (address, stored_until) VALUES (?, ?)
                ON CONFLICT (address) DO UPDATE SET stored_until = EXCLUDED.stored_until, updated_at = now()""", address, until);
    }
}
