package org.callcentre.crm.auth;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketClient;
import org.callcentre.crm.live.LiveClient;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

@MicronautTest(transactional = false)
class SessionRevocationTest {
    private static final String NEW_PASSWORD = "a-brand-new-passphrase";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    @Client("/")
    WebSocketClient ws;
    @Inject
    TestData data;
    Api api;
    long olga;

    @BeforeEach
    void setUp() {
        data.reset();
        data.user("root", "admin", null, null);
        olga = data.user("olga", "operator", data.city("Казань", "Europe/Moscow"), "101");
        api = new Api(client);
    }

    private record Session(Api api, String refreshToken) {
    }

    private Session logIn(String login, String password) {
        Api.Reply reply = api.post("/api/auth/login", Map.of("login", login, "password", password));
        assertEquals(200, reply.status(), reply.toString());
        return new Session(api.as((String) reply.body().get("accessToken")), (String) reply.body().get("refreshToken"));
    }

    private int refresh(Session session) {
        return api.post("/api/auth/refresh", Map.of("refreshToken", session.refreshToken())).status();
    }

    @Test
    void changingOnesPasswordEndsEverySessionAccessTokensIncluded() {
        Session laptop = logIn("olga", TestData.PASSWORD);
        Session phone = logIn("olga", TestData.PASSWORD);
        assertEquals(200, laptop.api().put("/api/operators/me/password",
                Map.of("currentPassword", TestData.PASSWORD, "newPassword", NEW_PASSWORD)).status());

        assertEquals(401, laptop.api().get("/api/operators/me").status());
        assertEquals(401, phone.api().get("/api/operators/me").status());
        assertEquals(401, refresh(laptop));
        assertEquals(401, refresh(phone));
        assertEquals(200, logIn("olga", NEW_PASSWORD).api().get("/api/operators/me").status());
    }

    @Test
    void anAdminSettingAPasswordEndsTheUsersSessions() {
        Session olgasSession = logIn("olga", TestData.PASSWORD);
        Api admin = logIn("root", TestData.PASSWORD).api();
        assertEquals(200, admin.patch("/api/operators/" + olga, Map.of("password", NEW_PASSWORD)).status());
        assertEquals(401, olgasSession.api().get("/api/operators/me").status());
        assertEquals(401, refresh(olgasSession));
        assertEquals(200, admin.get("/api/operators/me").status(), "the admin's own session goes on");
    }

    @Test
    void blockingAnAccountEndsItsSessionsAtOnce() {
        Session olgasSession = logIn("olga", TestData.PASSWORD);
        Api admin = logIn("root", TestData.PASSWORD).api();
        assertEquals(200, admin.patch("/api/operators/" + olga, Map.of("status", "inactive")).status());
        assertEquals(401, olgasSession.api().get("/api/operators/me").status());
    }

    @Test
    void changingARoleOrCityEndsTheSessionsThatCarryTheOldOnes() {
        data.city("Самара", "Europe/Samara");
        long boss = data.user("boss", "admin", null, null);
        Api admin = logIn("root", TestData.PASSWORD).api();
        Session olgasSession = logIn("olga", TestData.PASSWORD);
        Session bossSession = logIn("boss", TestData.PASSWORD);

        assertEquals(200, admin.patch("/api/operators/" + olga, Map.of("city", "Самара")).status());
        assertEquals(401, olgasSession.api().get("/api/operators/me").status(), "a token of the old city");
        assertEquals(401, refresh(olgasSession));
        assertEquals(200, admin.patch("/api/operators/" + boss, Map.of("role", "operator", "city", "Казань")).status());
        assertEquals(401, bossSession.api().get("/api/audit").status(), "a demoted admin is no longer admin");
        assertEquals(401, refresh(bossSession));
        assertEquals(200, admin.patch("/api/operators/" + olga, Map.of("name", "Ольга")).status());
        Session again = logIn("olga", TestData.PASSWORD);
        assertEquals(200, admin.patch("/api/operators/" + olga, Map.of("name", "Ольга П.")).status());
        assertEquals(200, again.api().get("/api/operators/me").status(), "other changes leave the sessions alone");
    }

    @Test
    void logoutEverywhereRevokesEveryRefreshTokenAndEveryAccessToken() {
        Session laptop = logIn("olga", TestData.PASSWORD);
        Session phone = logIn("olga", TestData.PASSWORD);
        assertEquals(200, phone.api().post("/api/auth/logout-all", Map.of()).status());

        assertEquals(401, laptop.api().get("/api/operators/me").status());
        assertEquals(401, phone.api().get("/api/operators/me").status());
        assertEquals(401, refresh(laptop));
        assertEquals(401, refresh(phone));
        assertEquals(1, data.db().queryLong("SELECT count(*) FROM audit_log WHERE action = 'logout_all' AND actor_login = 'olga'"));
        assertEquals(200, logIn("olga", TestData.PASSWORD).api().get("/api/operators/me").status(), "a new login works");
    }

    @Test
    void anEndedSessionsTokenCannotOpenAWebSocket() throws Exception {
        Api.Reply login = api.post("/api/auth/login", Map.of("login", "olga", "password", TestData.PASSWORD));
        String token = (String) login.body().get("accessToken");
        LiveClient.open(ws, "/ws/operator", token).close();
        assertEquals(200, api.as(token).post("/api/auth/logout-all", Map.of()).status());
        LiveClient refused = LiveClient.connect(ws, "/ws/operator", token);
        assertEquals(CloseReason.POLICY_VIOLATION.getCode(), refused.awaitClose().getCode());
    }

    @Test
    void aPlainLogoutEndsOnlyThatSession() {
        Session laptop = logIn("olga", TestData.PASSWORD);
        Session phone = logIn("olga", TestData.PASSWORD);
        assertEquals(200, laptop.api().post("/api/auth/logout", Map.of("refreshToken", laptop.refreshToken())).status());
        assertEquals(200, phone.api().get("/api/operators/me").status());
        assertEquals(200, refresh(phone));
        // a logged-out token presented again is treated like a copied one: every session ends
        assertEquals(401, refresh(laptop));
        assertEquals(401, phone.api().get("/api/operators/me").status());
    }

    /** Two tabs share one refresh token; both refresh at the same moment and both keep a session. */
    @Test
    void twoTabsRefreshingTheSameTokenAtOnceBothKeepTheirSession() {
        Session shared = logIn("olga", TestData.PASSWORD);
        Api.Reply first = api.post("/api/auth/refresh", Map.of("refreshToken", shared.refreshToken()));
        Api.Reply second = api.post("/api/auth/refresh", Map.of("refreshToken", shared.refreshToken()));
        assertEquals(200, first.status(), first.toString());
        assertEquals(200, second.status(), "the second tab, a moment later: " + second);
        Session tab1 = new Session(api.as((String) first.data().get("accessToken")), (String) first.data().get("refreshToken"));
        Session tab2 = new Session(api.as((String) second.data().get("accessToken")), (String) second.data().get("refreshToken"));
        assertEquals(200, tab1.api().get("/api/operators/me").status());
        assertEquals(200, tab2.api().get("/api/operators/me").status());
        assertEquals(200, refresh(tab1));
        assertEquals(200, refresh(tab2));
        assertEquals(0, data.db().queryLong("SELECT count(*) FROM audit_log WHERE action = 'refresh_reused'"));
    }

    @Test
    void aUserListsTheirOwnSessionsAndEndsOneTheOtherStaysSignedIn() {
        Session laptop = logIn("olga", TestData.PASSWORD);
        Api.Reply phoneLogin = api.withHeader("User-Agent", "Phone browser 1.0").post("/api/auth/login",
                Map.of("login", "olga", "password", TestData.PASSWORD));
        Session phone = new Session(api.as((String) phoneLogin.body().get("accessToken")), (String) phoneLogin.body().get("refreshToken"));
        logIn("root", TestData.PASSWORD);

        Api.Reply listed = laptop.api().get("/api/auth/sessions");
        assertEquals(200, listed.status(), listed.toString());
        assertEquals(2, listed.list().size(), "only olga's own sessions: " + listed);
        Map<String, Object> phoneRow = listed.list().stream().filter(s -> "Phone browser 1.0".equals(s.get("userAgent"))).findFirst().orElseThrow();
        assertEquals(false, phoneRow.get("current"));
        assertEquals(1L, listed.list().stream().filter(s -> Boolean.TRUE.equals(s.get("current"))).count());
        long phoneSession = ((Number) phoneRow.get("id")).longValue();

        assertEquals(200, laptop.api().delete("/api/auth/sessions/" + phoneSession).status());
        assertEquals(401, phone.api().get("/api/operators/me").status(), "the ended session's access token is refused at once");
        assertEquals(401, refresh(phone));
        assertEquals(200, laptop.api().get("/api/operators/me").status(), "the laptop stays signed in");
        assertEquals(1, laptop.api().get("/api/auth/sessions").list().size());
        assertEquals(1, data.count("audit_log WHERE action = 'logout_session'"));
    }

    @Test
    void anotherUsersOrAnEndedSessionIsNotFoundAndABadIdIs400() {
        Session olgas = logIn("olga", TestData.PASSWORD);
        Session roots = logIn("root", TestData.PASSWORD);
        long rootSession = ((Number) roots.api().get("/api/auth/sessions").list().get(0).get("id")).longValue();
        assertEquals(404, olgas.api().delete("/api/auth/sessions/" + rootSession).status());
        assertEquals(200, roots.api().get("/api/operators/me").status(), "root's session was not touched");
        assertEquals(400, olgas.api().delete("/api/auth/sessions/phone").status());
        assertEquals(401, api.get("/api/auth/sessions").status());
    }

    /** The grace is for a live session only: once it ended, the spent token is a copy again, at once. */
    @Test
    void aSpentTokenAfterLogoutEverywhereEndsEverythingEvenWithinTheGrace() {
        Session shared = logIn("olga", TestData.PASSWORD);
        Api.Reply refreshed = api.post("/api/auth/refresh", Map.of("refreshToken", shared.refreshToken()));
        assertEquals(200, refreshed.status());
        assertEquals(200, api.as((String) refreshed.data().get("accessToken")).post("/api/auth/logout-all", Map.of()).status());
        assertEquals(401, refresh(shared));
        assertEquals(1, data.db().queryLong("SELECT count(*) FROM audit_log WHERE action = 'refresh_reused'"));
    }

    @Test
    void aTokenOfADeletedUserIsRefusedAtOnce() {
        Session olgasSession = logIn("olga", TestData.PASSWORD);
        assertEquals(200, olgasSession.api().get("/api/operators/me").status(), "her token version is cached");
        data.db().update("DELETE FROM operator_status_history WHERE operator_id = ?", olga);
        assertEquals(200, logIn("root", TestData.PASSWORD).api().delete("/api/operators/" + olga).status());
        assertEquals(401, olgasSession.api().get("/api/operators/me").status());
    }
}
