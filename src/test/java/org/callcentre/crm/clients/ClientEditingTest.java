package org.callcentre.crm.clients;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ClientEditingTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    @Inject
    ClientDirectory directory;
    Api api;
    Api olga;
    long ivan;

    @BeforeEach
    void setUp() {
        data.reset();
        data.city("Казань", "Europe/Moscow");
        data.user("olga", "operator", data.city("Омск", "Asia/Omsk"), "101");
        api = new Api(client);
        olga = api.login("olga", TestData.PASSWORD);
        ivan = directory.findOrCreateByPhone("+79161234567", "Иван", null);
        directory.findOrCreateByPhone("+79169990000", "Мария", null);
    }

    private Map<String, Object> stored() {
        return olga.get("/api/clients/" + ivan).data();
    }

    @Test
    void nameCityTagsAndPhonesChange() {
        Api.Reply reply = olga.patch("/api/clients/" + ivan, Map.of("name", "Иван Петров", "city", "Омск",
                "tags", List.of(" vip ", "vip", "должник"), "phones", List.of("8 916 123-45-67", "+7 (903) 000-00-01")));
        assertEquals(200, reply.status(), reply.toString());
        assertEquals("Иван Петров", reply.data().get("name"));
        assertEquals("Омск", reply.data().get("city"));
        assertEquals(List.of("vip", "должник"), reply.data().get("tags"));
        assertEquals(List.of("+79161234567", "+79030000001"), reply.data().get("phones"));
        assertEquals("Омск", data.db().queryOne("SELECT c.name FROM clients cl JOIN cities c ON c.id = cl.city_id WHERE cl.id = ?",
                rs -> rs.getString(1), ivan).orElseThrow());
        assertEquals(1L, data.db().queryLong("SELECT count(*) FROM audit_log WHERE entity = 'client' AND action = 'update' "
                + "AND actor_login = 'olga' AND changes->'phones' IS NOT NULL"));
    }

    @Test
    void aPhoneThatIsNotListedAnyMoreIsReleased() {
        olga.patch("/api/clients/" + ivan, Map.of("phones", List.of("+79030000001")));
        assertEquals(List.of("+79030000001"), stored().get("phones"));
        long newcomer = directory.findOrCreateByPhone("+79161234567", "Новый", null);
        assertTrue(newcomer != ivan);
    }

    @Test
    void aPhoneOfAnotherClientIs409AndChangesNothing() {
        Api.Reply reply = olga.patch("/api/clients/" + ivan, Map.of("name", "Другое имя", "phones", List.of("8 916 999-00-00")));
        assertEquals(409, reply.status(), reply.toString());
        assertEquals("conflict", reply.error().get("code"));
        assertEquals("Иван", stored().get("name"));
        assertEquals(List.of("+79161234567"), stored().get("phones"));
    }

    @Test
    void badFieldsAre400NamingThem() {
        Api.Reply reply = olga.patch("/api/clients/" + ivan, Map.of("city", "Атлантида", "phones", List.of("abc"),
                "tags", List.of("x".repeat(51))));
        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.errorFields().keySet().containsAll(List.of("city", "phones", "tags")), reply.toString());

        Api.Reply noPhones = olga.patch("/api/clients/" + ivan, Map.of("phones", List.of()));
        assertEquals(400, noPhones.status());
        assertTrue(noPhones.errorFields().containsKey("phones"));
        assertEquals(List.of("+79161234567"), stored().get("phones"));
        assertEquals(0L, data.db().queryLong("SELECT count(*) FROM audit_log WHERE entity = 'client' AND action = 'update'"));
    }

    @Test
    void anUnknownClientIs404() {
        assertEquals(404, olga.patch("/api/clients/999999", Map.of("name", "x")).status());
    }

    @Test
    void withoutATokenIs401() {
        assertEquals(401, api.patch("/api/clients/" + ivan, Map.of("name", "x")).status());
        assertEquals("Иван", stored().get("name"));
    }

    @Test
    void vipAndDoNotServeFlagsAreSetAndAudited() {
        Api.Reply reply = olga.patch("/api/clients/" + ivan, Map.of("vip", true, "doNotServe", true));
        assertEquals(200, reply.status(), reply.toString());
        assertEquals(true, stored().get("vip"));
        assertEquals(true, stored().get("doNotServe"));
        assertEquals(200, olga.patch("/api/clients/" + ivan, Map.of("doNotServe", false)).status());
        assertEquals(false, stored().get("doNotServe"));
        assertEquals(true, stored().get("vip"), "an absent flag keeps its value");
        assertEquals(2L, data.db().queryLong("SELECT count(*) FROM audit_log WHERE entity = 'client' AND jsonb_exists(changes, 'doNotServe')"));
    }

    @Test
    void onlyTheAuthorEditsANote() {
        long noteId = ((Number) olga.post("/api/clients/" + ivan + "/notes", Map.of("text", "перезвонить")).data().get("id")).longValue();
        Api.Reply edited = olga.patch("/api/clients/" + ivan + "/notes/" + noteId, Map.of("text", "перезвонить после 18"));
        assertEquals(200, edited.status(), edited.toString());
        assertEquals("перезвонить после 18", edited.data().get("text"));
        Api.Reply blank = olga.patch("/api/clients/" + ivan + "/notes/" + noteId, Map.of("text", " "));
        assertEquals(400, blank.status());
        assertTrue(blank.errorFields().containsKey("text"));
        data.user("pavel", "operator", null, "102");
        Api pavel = api.login("pavel", TestData.PASSWORD);
        assertEquals(403, pavel.patch("/api/clients/" + ivan + "/notes/" + noteId, Map.of("text", "чужая")).status());
        assertEquals("перезвонить после 18", data.db().queryOne("SELECT text FROM client_notes WHERE id = ?", rs -> rs.getString(1), noteId).orElseThrow());
        assertEquals(404, olga.patch("/api/clients/" + ivan + "/notes/999999", Map.of("text", "x")).status());
    }
}
