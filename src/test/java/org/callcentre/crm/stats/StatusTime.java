package org.callcentre.crm.stats;

import org.callcentre.crm.shared.Db;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The expected time in each work status, walked in Java over the history rows: each period (the
 * open one up to {@code now}) is cut at the local hours of its operator's city zone and a piece
 * counts when its local day lies in the range. Instants are taken to the whole second.
 */
final class StatusTime {
    private record Period(long operatorId, Long cityId, ZoneId zone, String status, Instant start, Instant end) {
    }

    private final Map<String, Long> byOperatorAndStatus = new HashMap<>();
    private final Map<String, Long> workingByCityAndHour = new HashMap<>();

    StatusTime(Db db, LocalDate first, LocalDate last, Instant now) {
        List<Period> periods = db.query("SELECT h.operator_id, o.city_id, coalesce(c.timezone, 'Europe/Moscow') AS zone, h.status_work, "
                        + "h.started_at, h.ended_at FROM operator_status_history h JOIN operators o ON o.id = h.operator_id "
                        + "LEFT JOIN cities c ON c.id = o.city_id",
                rs -> new Period(rs.getLong(1), Db.getLong(rs, "city_id"), ZoneId.of(rs.getString(3)), rs.getString(4),
                        Db.getInstant(rs, "started_at").truncatedTo(ChronoUnit.SECONDS),
                        Objects.requireNonNullElse(Db.getInstant(rs, "ended_at"), now).truncatedTo(ChronoUnit.SECONDS)));
        for (Period p : periods) {
            Instant at = p.start();
            while (at.isBefore(p.end())) {
                ZonedDateTime local = at.atZone(p.zone());
                Instant nextHour = local.truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
                Instant pieceEnd = nextHour.isBefore(p.end()) ? nextHour : p.end();
                LocalDate day = local.toLocalDate();
                if (!day.isBefore(first) && !day.isAfter(last)) {
                    long seconds = Duration.between(at, pieceEnd).toSeconds();
                    byOperatorAndStatus.merge(p.operatorId() + "/" + p.status(), seconds, Long::sum);
                    if ("working".equals(p.status())) {
                        workingByCityAndHour.merge(p.cityId() + "/" + local.getHour(), seconds, Long::sum);
                    }
                }
                at = pieceEnd;
            }
        }
    }

    long of(long operatorId, String status) {
        return byOperatorAndStatus.getOrDefault(operatorId + "/" + status, 0L);
    }

    /** @param cityId the operators' city; null for all operators */
    long working(Long cityId, int hour) {
        return workingByCityAndHour.entrySet().stream()
                .filter(e -> e.getKey().endsWith("/" + hour) && (cityId == null || e.getKey().startsWith(cityId + "/")))
                .mapToLong(Map.Entry::getValue).sum();
    }
}
