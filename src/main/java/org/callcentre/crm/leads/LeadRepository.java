package org.callcentre.crm.leads;

import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;

import java.util.Optional;

@Singleton
public class LeadRepository {
    private final Db db;

    public LeadRepository(Db db) {
        this.db = db;
    }

    public Optional<Long> cityOfCampaign(String rk) {
        return db.queryOne("SELECT city_id FROM campaigns WHERE rk = ?", rs -> rs.getLong(1), rk);
    }
}
