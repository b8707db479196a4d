package org.callcentre.crm.websecurity;

import org.callcentre.crm.testing.TestData;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small call centre for the fuzzer to aim at: one or two rows in every main table, so that paths
 * with an id sometimes reach a real row. The users the fuzzer acts as are created last, so the
 * ids it puts in paths (1 and 2) never name them: it may block or delete anybody but itself.
 */
final class FuzzFixture {
    static final String SIP_SECRET = "sip-secret-never-shown-42";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");

    record Caller(String name, String login, String token) {
    }

    private final BiFunction<EveryEndpointSurvivesHostileInputTest.Sent, String, HttpResponse<String>> send;
    private final List<Caller> callers = new ArrayList<>();

    private FuzzFixture(BiFunction<EveryEndpointSurvivesHostileInputTest.Sent, String, HttpResponse<String>> send) {
        this.send = send;
    }

    static FuzzFixture create(TestData data, BiFunction<EveryEndpointSurvivesHostileInputTest.Sent, String, HttpResponse<String>> send) {
        long kazan = data.city("Казань", "Europe/Moscow");
        long moscow = data.city("Москва", "Europe/Moscow");
        data.user("vera", "operator", kazan, "201");
        data.user("sam", "supervisor", null, null);
        var db = data.db();
        long master = db.insert("INSERT INTO masters (name, phone) VALUES ('Мастер', '+79160000001') RETURNING id");
        db.update("INSERT INTO master_cities (master_id, city_id) VALUES (?, ?), (?, ?)", master, kazan, master, moscow);
        db.insert("INSERT INTO masters (name) VALUES ('Второй') RETURNING id");
        long client = db.insert("INSERT INTO clients (name, city_id) VALUES ('Клиент', ?) RETURNING id", kazan);
        db.update("INSERT INTO client_phones (client_id, phone) VALUES (?, '+79161234567')", client);
        db.insert("INSERT INTO clients (name, city_id) VALUES ('Другой', ?) RETURNING id", moscow);
        db.insert("INSERT INTO campaigns (rk, city_id, phone_ats, source) VALUES ('rk-1', ?, '+78432000001', 'avito') RETURNING id", kazan);
        db.insert("INSERT INTO campaigns (rk, city_id, phone_ats, source) VALUES ('rk-2', ?, '+74952000001', 'site') RETURNING id", moscow);
        db.insert("INSERT INTO sip_lines (name, host, city_id) VALUES ('trunk-1', '127.0.0.1', ?) RETURNING id", kazan);
        long call = db.insert("INSERT INTO calls (source, external_id, city_id, client_phone, client_id, direction, status, created_at)"
                + " VALUES ('mango', 'fuzz-1', ?, '+79161234567', ?, 'inbound', 'answered', now() - interval '1 hour') RETURNING id", kazan, client);
        db.insert("INSERT INTO calls (source, external_id, city_id, direction, status, missed_reason, created_at)"
                + " VALUES ('mango', 'fuzz-2', ?, 'inbound', 'missed', 'abandoned', now()) RETURNING id", moscow);
        db.insert("INSERT INTO orders (city_id, phone, client_id, call_id) VALUES (?, '+79161234567', ?, ?) RETURNING id", kazan, client, call);
        db.insert("INSERT INTO orders (city_id, phone) VALUES (?, '+79161234568') RETURNING id", moscow);
        data.user("root", "admin", null, null);
        data.user("olga", "operator", kazan, "101");

        FuzzFixture fixture = new FuzzFixture(send);
        fixture.callers.add(new Caller("anonymous", null, null));
        fixture.callers.add(fixture.logIn("admin", "root"));
        fixture.callers.add(fixture.logIn("operator", "olga"));
        HttpResponse<String> line = send.apply(new EveryEndpointSurvivesHostileInputTest.Sent("POST", "/api/sip-lines", "application/json",
                "{\"name\":\"trunk-2\",\"host\":\"127.0.0.1\",\"username\":\"101\",\"secret\":\"" + SIP_SECRET + "\"}"),
                fixture.callers.get(1).token());
        if (line.statusCode() != 201) {
            throw new AssertionError("SIP line with a secret not created: " + line.statusCode() + " " + line.body());
        }
        return fixture;
    }

    List<Caller> callers() {
        return callers;
    }

    /** Ids the fuzzer puts in paths: the rows above, never the callers. */
    List<Long> ids() {
        return List.of(1L, 2L);
    }

    /** After a request that may have ended a caller's session (logout-all, say), logs that caller in again. */
    void keepSessionsAlive(String uri) {
        if (!uri.startsWith("/api/auth") && !uri.startsWith("/api/operators")) {
            return;
        }
        for (int i = 0; i < callers.size(); i++) {
            Caller caller = callers.get(i);
            if (caller.token() != null && send.apply(new EveryEndpointSurvivesHostileInputTest.Sent("GET", "/api/operators/me", null, null),
                    caller.token()).statusCode() == 401) {
                callers.set(i, logIn(caller.name(), caller.login()));
            }
        }
    }

    private Caller logIn(String name, String login) {
        HttpResponse<String> reply = send.apply(new EveryEndpointSurvivesHostileInputTest.Sent("POST", "/api/auth/login", "application/json",
                "{\"login\":\"" + login + "\",\"password\":\"" + TestData.PASSWORD + "\"}"), null);
        Matcher m = ACCESS_TOKEN.matcher(reply.body());
        if (!m.find()) {
            throw new AssertionError("login of " + login + " failed: " + reply.statusCode() + " " + reply.body());
        }
        return new Caller(name, login, m.group(1));
    }
}
