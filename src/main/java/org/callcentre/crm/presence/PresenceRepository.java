package org.callcentre.crm.presence;

import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Who is on the wallboard: active users who take calls (operators, and anyone with an extension).
 * Read from the table each time, so that a new operator, a changed extension or a blocked account
 * shows at once.
 */
@Singleton
public class PresenceRepository {
    private static final String SELECT = "SELECT o.id, o.name, o.sip_address, c.name AS city, o.status_work, h.started_at "
            + "FROM operators o LEFT JOIN cities c ON c.id = o.city_id "
            + "LEFT JOIN operator_status_history h ON h.operator_id = o.id AND h.ended_at IS NULL "
            + "WHERE o.status = 'active' AND (o.role = 'operator' OR o.sip_address IS NOT NULL)";

    private final Db db;

    public PresenceRepository(Db db) {
        this.db = db;
    }

    List<RosterEntry> all() {
        return db.query(SELECT + " ORDER BY o.name, o.id", PresenceRepository::map);
    }

    Optional<RosterEntry> onExtension(String extension) {
        return db.queryOne(SELECT + " AND o.sip_address = ?", PresenceRepository::map, extension);
    }

    Optional<RosterEntry> byId(long operatorId) {
        return db.queryOne(SELECT + " AND o.id = ?", PresenceRepository::map, operatorId);
    }

    private static RosterEntry map(ResultSet rs) throws SQLException {
        return new RosterEntry(rs.getLong("id"), rs.getString("name"), rs.getString("sip_address"), rs.getString("city"),
                rs.getString("status_work"), Db.getInstant(rs, "started_at"));
    }
}
