package org.callcentre.crm.campaigns;

import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;
import org.callcentre.crm.shared.PhoneNumbers;

import java.util.Optional;

/** Tells call ingest which campaign (and so which city) a dialled PBX number belongs to. */
@Singleton
public class CampaignDirectory {
    private final Db db;

    public CampaignDirectory(Db db) {
        this.db = db;
    }

    /**
     * @param e164 the dialled number; other spellings a PBX may send ({@code 79161234567}) are
     *             normalised first, so ingest need not do it
     */
    public Optional<CampaignMatch> findByPhoneAts(String e164) {
        return PhoneNumbers.normalize(e164).flatMap(phone -> db.queryOne(
                "SELECT k.rk, k.city_id, c.name, k.source FROM campaigns k JOIN cities c ON c.id = k.city_id WHERE k.phone_ats = ?",
                rs -> new CampaignMatch(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)), phone));
    }
}
