package org.callcentre.crm.notifications.visits;

import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

@Singleton
class VisitRepository {
    private final Db db;

    VisitRepository(Db db) {
        this.db = db;
    }

    /** An order's visit as the client is told of it, with the city's zone. */
    record Visit(long orderId, String status, String phone, String address, Instant at, String city, ZoneId zone) {
    }

    Optional<Visit> visit(long orderId) {
        return db.queryOne("SELECT o.id, o.status, o.phone, o.address, o.date_meeting, c.name AS city, c.timezone "
                + "FROM orders o JOIN cities c ON c.id = o.city_id WHERE o.id = ?", rs -> new Visit(rs.getLong("id"),
                rs.getString("status"), rs.getString("phone"), rs.getString("address"), Db.getInstant(rs, "date_meeting"),
                rs.getString("city"), ZoneId.of(rs.getString("timezone"))), orderId);
    }

    /** The version of the visit told now, when its time or address differ from the last one told (empty: nothing new). */
    Optional<Integer> tell(long orderId, String fingerprint) {
        return db.queryOne("INSERT INTO client_visit_notices (order_id, fingerprint) VALUES (?, ?) "
                + "ON CONFLICT (order_id) DO UPDATE SET fingerprint = excluded.fingerprint, "
                + "version = client_visit_notices.version + 1, updated_at = now() "
                + "WHERE client_visit_notices.fingerprint <> excluded.fingerprint RETURNING version",
                rs -> rs.getInt(1), orderId, fingerprint);
    }
}
