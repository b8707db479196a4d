package org.callcentre.crm.reports;

import org.callcentre.crm.testing.TestData;

import java.time.Instant;

/**
 * A small call centre for the export tests: Kazan with two named operators, one operator in Omsk,
 * a supervisor and an admin, and calls inserted with SQL (they arrive from the PBX, not the API).
 */
final class CallCentre {
    static final String OLGA = "Ольга Иванова";
    static final String PETR = "Пётр Сидоров";
    static final String IRINA = "Ирина Омская";
    /** A note that needs every kind of CSV quoting: a comma, quotes and a line break. */
    static final String AWKWARD_NOTE = "Сказала: \"перезвоните\", завтра\nпосле обеда";

    final TestData data;
    final long kazan;
    final long omsk;
    final long olga;
    final long petr;
    final long irina;

    private CallCentre(TestData data) {
        this.data = data;
        kazan = data.city("Казань", "Europe/Moscow");
        omsk = data.city("Омск", "Asia/Omsk");
        olga = named(data.user("olga", "operator", kazan, "101"), OLGA);
        petr = named(data.user("petr", "operator", kazan, "102"), PETR);
        irina = named(data.user("irina", "operator", omsk, "201"), IRINA);
        data.user("sue", "supervisor", null, null);
        data.user("boss", "admin", null, null);
    }

    /** Empties the database and sets the call centre up. */
    static CallCentre open(TestData data) {
        data.reset();
        return new CallCentre(data);
    }

    private long named(long id, String name) {
        data.db().update("UPDATE operators SET name = ? WHERE id = ?", name, id);
        return id;
    }

    /**
     * The March 2025 traffic every export test reads. Kazan: Olga answered one inbound call (wait
     * 12 s, talk 300 s, the awkward note), missed one (wait 40 s) and made one outbound call (talk
     * 60 s); Petr answered one (wait 20 s, talk 100 s). Omsk: Irina answered one. April: one more
     * Kazan call, outside the month.
     */
    CallCentre march() {
        call(kazan, olga, "inbound", "answered", "2025-03-03T07:00:00Z", 12, 300, AWKWARD_NOTE);
        call(kazan, olga, "inbound", "missed", "2025-03-03T08:30:00Z", 40, 0, null);
        call(kazan, olga, "outbound", "answered", "2025-03-05T10:00:00Z", 0, 60, null);
        call(kazan, petr, "inbound", "answered", "2025-03-05T11:00:00Z", 20, 100, "Обычный звонок");
        call(omsk, irina, "inbound", "answered", "2025-03-06T05:00:00Z", 5, 50, null);
        call(kazan, olga, "inbound", "answered", "2025-04-02T07:00:00Z", 8, 80, null);
        return this;
    }

    long call(long cityId, long operatorId, String direction, String status, String at, int wait, int talk, String note) {
        Instant created = Instant.parse(at);
        Instant answered = "answered".equals(status) ? created.plusSeconds(wait) : null;
        return data.db().insert("INSERT INTO calls (source, external_id, city_id, client_phone, ats_phone, direction, status, "
                        + "operator_id, created_at, answered_at, ended_at, wait_seconds, talk_seconds, note) "
                        + "VALUES ('mango', gen_random_uuid()::text, ?, '+79161234567', '+78432000000', ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "RETURNING id",
                cityId, direction, status, operatorId, created, answered, created.plusSeconds(wait + talk), wait, talk, note);
    }
}
