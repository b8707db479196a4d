package org.callcentre.crm.stats;

import jakarta.inject.Singleton;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.Db;

import java.util.List;
import java.util.Optional;

/** The names statistics are shown and filtered by: operators' cities, cities and campaigns. */
@Singleton
class StatsDirectory {
    private final Db db;

    StatsDirectory(Db db) {
        this.db = db;
    }

    record Named(Long id, String name) {
    }

    record CampaignName(String rk, String source, String city) {
    }

    /** The city of an existing user; a 404 when there is none with this id. */
    Optional<Long> cityOfOperator(long operatorId) {
        return db.queryOne("SELECT city_id FROM operators WHERE id = ?", rs -> Optional.ofNullable(Db.getLong(rs, "city_id")), operatorId)
                .orElseThrow(() -> ApiException.notFound("Operator " + operatorId));
    }

    /** The campaign code given, or a 400 naming {@code field} when no campaign has it. */
    String requireCampaign(String field, String rk) {
        String code = rk.trim();
        if (db.queryLong("SELECT count(*) FROM campaigns WHERE rk = ?", code) == 0) {
            throw ApiException.badField(field, "unknown campaign '" + code + "'");
        }
        return code;
    }

    List<Named> cities() {
        return db.query("SELECT id, name FROM cities ORDER BY name", rs -> new Named(rs.getLong("id"), rs.getString("name")));
    }

    /** Every entry of a list of dispositions or cancel reasons, retired ones too (they may have figures), in the list's order. */
    List<Named> resultCodes(String kind) {
        return db.query("SELECT id, name FROM result_codes WHERE kind = ? ORDER BY position, id",
                rs -> new Named(rs.getLong("id"), rs.getString("name")), kind);
    }

    List<CampaignName> campaigns() {
        return db.query("SELECT k.rk, k.source, c.name AS city FROM campaigns k JOIN cities c ON c.id = k.city_id ORDER BY k.rk",
                rs -> new CampaignName(rs.getString("rk"), rs.getString("source"), rs.getString("city")));
    }
}
