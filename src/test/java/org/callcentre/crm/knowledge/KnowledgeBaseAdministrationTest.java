package org.callcentre.crm.knowledge;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class KnowledgeBaseAdministrationTest {
    private static final String CSV = "category,title,question,answer,city\r\n"
            + "гарантия,Гарантия,Какая гарантия?,Год на работу.,\r\n"
            + "гарантия,Гарантия,\"Даёте гарантию, да?\",Год на работу.,\r\n"
            + "районы,Районы,Куда выезжаете?,\"По всей Казани, и в \"\"Зеленодольск\"\"\",Казань\r\n";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api supervisor;
    Api operator;

    @BeforeEach
    void setUp() {
        data.reset();
        long city = data.city("Казань", "Europe/Moscow");
        data.user("sveta", "supervisor", null, null);
        data.user("olga", "operator", city, "101");
        supervisor = new Api(client).login("sveta", TestData.PASSWORD);
        operator = new Api(client).login("olga", TestData.PASSWORD);
    }

    @Test
    void entriesAreCreatedEditedAndDeletedWithAnAuditTrail() {
        Api.Reply created = supervisor.post("/api/knowledge/entries", Map.of("category", "оплата", "title", "Оплата картой",
                "questions", List.of("Можно картой?", "Терминал есть?"), "answer", "Да, у мастера терминал.", "city", "Казань"));
        assertEquals(201, created.status(), created.toString());
        long id = ((Number) created.data().get("id")).longValue();
        assertEquals("Казань", created.data().get("city"));

        Api.Reply patched = supervisor.patch("/api/knowledge/entries/" + id, Map.of("answer", "Да, картой и по СБП.", "city", ""));
        assertEquals(200, patched.status());
        assertEquals("Да, картой и по СБП.", patched.data().get("answer"));
        assertEquals(null, patched.data().get("city"));
        assertEquals(List.of("Можно картой?", "Терминал есть?"), patched.data().get("questions"));
        assertEquals(200, operator.get("/api/knowledge/entries/" + id).status());

        assertEquals(409, supervisor.post("/api/knowledge/entries", Map.of("category", "оплата", "title", "оплата картой",
                "questions", List.of("?"), "answer", "x")).status());
        assertEquals(200, supervisor.delete("/api/knowledge/entries/" + id).status());
        assertEquals(404, supervisor.get("/api/knowledge/entries/" + id).status());
        assertEquals(List.of("create", "update", "delete"), data.db().query(
                "SELECT action FROM audit_log WHERE entity = 'kb_entry' ORDER BY id", rs -> rs.getString(1)));
    }

    @Test
    void badEntriesAreA400NamingEveryFieldAndWriteNothing() {
        Api.Reply bad = supervisor.post("/api/knowledge/entries", Map.of("category", "", "title", "x", "questions", "не список",
                "answer", "y", "city", "Атлантида"));
        assertEquals(400, bad.status());
        assertEquals(java.util.Set.of("category", "questions", "city"), bad.errorFields().keySet());
        Api.Reply noQuestions = supervisor.post("/api/knowledge/entries", Map.of("category", "a", "title", "x", "questions", List.of(" "),
                "answer", "y"));
        assertTrue(noQuestions.errorFields().containsKey("questions"));
        assertEquals(0, data.count("kb_entries"));
        assertEquals(0, data.db().queryLong("SELECT count(*) FROM audit_log WHERE entity = 'kb_entry'"));
    }

    @Test
    void operatorsReadButDoNotEditAndStrangersDoNothing() {
        assertEquals(200, operator.get("/api/knowledge/entries").status());
        assertEquals(403, operator.post("/api/knowledge/entries", Map.of()).status());
        assertEquals(403, operator.postRaw("/api/knowledge/import", CSV, "text/csv").status());
        assertEquals(403, operator.get("/api/knowledge/export").status());
        assertEquals(403, operator.post("/api/knowledge/pairs", Map.of()).status());
        assertEquals(401, new Api(client).get("/api/knowledge/entries").status());
        assertEquals(401, new Api(client).post("/api/ai/answer", Map.of("question", "Гарантия?")).status());
    }

    @Test
    void csvImportGroupsVariantsAndExportGivesTheSameFileBack() {
        Api.Reply imported = supervisor.postRaw("/api/knowledge/import", CSV, "text/csv");
        assertEquals(200, imported.status(), imported.toString());
        assertEquals(Map.of("created", 2, "updated", 0), imported.data());
        Api.Reply again = supervisor.postRaw("/api/knowledge/import", CSV, "text/csv");
        assertEquals(Map.of("created", 0, "updated", 2), again.data());
        assertEquals(2, data.count("kb_entries"));

        String exported = client.toBlocking().retrieve(io.micronaut.http.HttpRequest.GET("/api/knowledge/export")
                .bearerAuth(supervisorToken()));
        assertEquals(KnowledgeCsv.read(new StringReader(CSV)), KnowledgeCsv.read(new StringReader(exported)));
        assertEquals(CSV, exported);
    }

    @Test
    void formulaLikeCellsAreExportedAsTextAndImportedBackAsTheyWere() {
        String answer = "=HYPERLINK(\"http://evil.example\",\"Скидка\")";
        Api.Reply created = supervisor.post("/api/knowledge/entries", Map.of("category", "@SUM(A1)", "title", "-2+3+cmd!A0",
                "questions", List.of("+cmd", "'уже с апострофом", "+7 (843) 250-77-13?"), "answer", answer));
        assertEquals(201, created.status(), created.toString());

        String exported = client.toBlocking().retrieve(io.micronaut.http.HttpRequest.GET("/api/knowledge/export")
                .bearerAuth(supervisorToken()));
        List<List<String>> rows = KnowledgeCsv.parse(new StringReader(exported));
        for (List<String> row : rows.subList(1, rows.size())) {
            for (String cell : row) {
                assertTrue(cell.isEmpty() || "=@+-".indexOf(cell.charAt(0)) < 0 || cell.startsWith("+7 (843)"),
                        "a spreadsheet would run " + cell);
            }
        }
        assertEquals("'" + answer, rows.get(1).get(3));

        data.db().update("DELETE FROM kb_entries");
        assertEquals(200, supervisor.postRaw("/api/knowledge/import", exported, "text/csv").status());
        Map<String, Object> back = supervisor.get("/api/knowledge/entries").list().get(0);
        assertEquals(answer, back.get("answer"));
        assertEquals("@SUM(A1)", back.get("category"));
        assertEquals("-2+3+cmd!A0", back.get("title"));
        assertEquals(List.of("+cmd", "'уже с апострофом", "+7 (843) 250-77-13?"), back.get("questions"));
    }

    @Test
    void aBadFileIsA400NamingTheLineAndImportsNothing() {
        Api.Reply header = supervisor.postRaw("/api/knowledge/import", "title,question\r\nx,y\r\n", "text/csv");
        assertEquals(400, header.status());
        assertTrue(((String) header.errorFields().get("file")).startsWith("line 1"), header.toString());
        String unknownCity = CSV + "цены,Цены,Почём?,От 500 ₽,Атлантида\r\n";
        Api.Reply city = supervisor.postRaw("/api/knowledge/import", unknownCity, "text/csv");
        assertEquals(400, city.status());
        assertTrue(((String) city.errorFields().get("file")).contains("Атлантида"), city.toString());
        Api.Reply columns = supervisor.postRaw("/api/knowledge/import", CSV + "a,b,c\r\n", "text/csv");
        assertTrue(((String) columns.errorFields().get("file")).startsWith("line 5"), columns.toString());
        assertEquals(0, data.count("kb_entries"));
    }

    @Test
    void trainingPairsLinkedToAnEntryBecomeItsQuestionVariants() {
        supervisor.postRaw("/api/knowledge/import", CSV, "text/csv");
        long entry = data.db().queryLong("SELECT id FROM kb_entries WHERE title = 'Гарантия'");
        String question = "Если через полгода опять потечёт, бесплатно переделаете?";
        double before = confidence(question);

        Api.Reply pair = supervisor.post("/api/knowledge/pairs", Map.of("question", question, "answer", "Да, по гарантии.",
                "source", "call_transcript", "entryId", entry));
        assertEquals(201, pair.status(), pair.toString());
        assertTrue(confidence(question) > before, "a linked pair makes its question match its entry");
        assertEquals(400, supervisor.post("/api/knowledge/pairs", Map.of("question", "q", "answer", "a", "source", "chat",
                "entryId", "x")).status());
    }

    @Test
    void aQuestionAnOperatorAnsweredWithAnEntrysAnswerBecomesItsVariant() {
        supervisor.postRaw("/api/knowledge/import", CSV, "text/csv");
        String answer = data.db().queryOne("SELECT answer FROM kb_entries WHERE title = 'Гарантия'", rs -> rs.getString(1)).orElseThrow();
        String question = "Если через полгода опять потечёт, бесплатно переделаете?";
        double before = confidence(question);

        assertEquals(201, supervisor.post("/api/knowledge/pairs", Map.of("question", question, "answer", "Здравствуйте! " + answer,
                "source", "operator_reply")).status());
        assertTrue(confidence(question) > before, "the operator's reply repeats the entry's answer");

        String other = "А курьер заберёт старую стиралку на запчасти?";
        double otherBefore = confidence(other);
        assertEquals(201, supervisor.post("/api/knowledge/pairs", Map.of("question", other,
                "answer", "Нет, такого не делаем, извините.", "source", "operator_reply")).status());
        assertEquals(otherBefore, confidence(other), "a reply like no entry's answer adds no variant");
    }

    private double confidence(String question) {
        Api.Reply answer = operator.post("/api/ai/answer", Map.of("question", question, "city", "Казань"));
        return ((Number) answer.data().get("confidence")).doubleValue();
    }

    /** The export is CSV, not JSON, so it is read with the plain client and a fresh token. */
    private String supervisorToken() {
        return (String) new Api(client).post("/api/auth/login", Map.of("login", "sveta", "password", TestData.PASSWORD))
                .body().get("accessToken");
    }
}
