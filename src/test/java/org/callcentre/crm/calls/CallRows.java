package org.callcentre.crm.calls;

import org.callcentre.crm.shared.Db;

import java.time.Instant;

/**
 * Inserts calls rows with plain SQL, standing in for the PBX ingest that is not written yet.
 * Unset columns get the values of an ordinary answered inbound call.
 */
final class CallRows {
    private final Db db;
    private Long cityId;
    private Long operatorId;
    private String status = "answered";
    private String direction = "inbound";
    private String rk;
    private String clientPhone = "+79160000000";
    private Instant createdAt = Instant.parse("2025-03-10T09:00:00Z");

    private CallRows(Db db) {
        this.db = db;
    }

    static CallRows call(Db db) {
        return new CallRows(db);
    }

    CallRows city(Long cityId) {
        this.cityId = cityId;
        return this;
    }

    CallRows operator(Long operatorId) {
        this.operatorId = operatorId;
        return this;
    }

    CallRows status(String status) {
        this.status = status;
        return this;
    }

    CallRows direction(String direction) {
        this.direction = direction;
        return this;
    }

    CallRows rk(String rk) {
        this.rk = rk;
        return this;
    }

    CallRows clientPhone(String clientPhone) {
        this.clientPhone = clientPhone;
        return this;
    }

    CallRows at(String isoInstant) {
        this.createdAt = Instant.parse(isoInstant);
        return this;
    }

    long insert() {
        return db.insert("INSERT INTO calls (source, external_id, rk, city_id, client_phone, ats_phone, direction, status, "
                        + "operator_id, created_at) VALUES ('mango', gen_random_uuid()::text, ?, ?, ?, '+74950000000', ?, ?, ?, ?) "
                        + "RETURNING id",
                rk, cityId, clientPhone, direction, status, operatorId, createdAt);
    }
}
