package org.callcentre.crm.reports;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.callcentre.crm.stats.RollupRebuild;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.ServiceFixture;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chat figures as files: a CSV by city, an XLSX by day and a PDF by operator carry the figures
 * {@code /api/stats/chats} gives for the same period (which ChatStatsMatchTheMessagesTest holds to
 * the messages themselves).
 */
@MicronautTest(transactional = false)
class ChatsReportTest extends ServiceFixture {
    private static final String MARCH = "startDate=2025-03-01&endDate=2025-03-31";
    @Inject
    RollupRebuild rollups;
    Downloads downloads;
    String boss;
    Map<String, Object> stats;

    @BeforeEach
    void setUp() {
        data.reset();
        long kazan = data.city("Казань", "Europe/Moscow");
        data.city("Омск", "Asia/Omsk");
        data.user("boss", "supervisor", null, null);
        long olga = data.user("olga", "operator", kazan, "101");
        data.db().update("UPDATE operators SET name = 'Ольга Смирнова' WHERE id = ?", olga);
        long account = data.db().insert("""
                INSERT INTO avito_accounts (name, city_id, avito_user_id, client_id, webhook_secret_hash)
                VALUES ('Авито Казань', ?, 1, 'cid', 'hash') RETURNING id""", kazan);
        // an AI-only chat on March 3rd; a chat olga answered in 2 minutes and closed in 20 on March 5th, past its 10-minute reply target
        long ai = chat(account, kazan, "2025-03-03T07:00:00Z");
        message(ai, "client", null, "2025-03-03T07:00:00Z");
        message(ai, "ai", null, "2025-03-03T07:00:05Z");
        long answered = chat(account, kazan, "2025-03-05T08:00:00Z");
        message(answered, "client", null, "2025-03-05T08:00:00Z");
        message(answered, "operator", olga, "2025-03-05T08:02:00Z");
        message(answered, "client", null, "2025-03-05T08:03:00Z");
        data.db().update("""
                INSERT INTO chat_rounds (conversation_id, city_id, operator_id, started_at, first_response_due, first_response_at,
                                         first_response_breached, resolution_due, resolved_at, resolution_breached)
                VALUES (?, ?, ?, '2025-03-05T08:00:00Z', '2025-03-05T07:59:00Z', '2025-03-05T08:02:00Z', true,
                        '2025-03-05T09:00:00Z', '2025-03-05T08:20:00Z', false)""", answered, kazan, olga);
        rollups.rebuild();
        Api api = new Api(client);
        downloads = new Downloads(server, api);
        boss = downloads.token("boss");
        stats = api.login("boss", TestData.PASSWORD).get("/api/stats/chats?" + MARCH).data();
    }

    @Test
    void theCsvByCityCarriesTheCitiesFiguresAndTheTotal() throws IOException {
        Downloads.Download csv = downloads.get("/api/reports/chats?format=csv&by=city&" + MARCH, boss);
        assertEquals(200, csv.status(), csv.text());
        assertTrue(csv.contentDisposition().contains("filename=\"chats-2025-03-01_2025-03-31.csv\""), csv.contentDisposition());
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv.text().substring(1))).getRecords();
        assertEquals(List.of("Город", "Чатов", "Только ИИ", "С операторами", "Сообщений на чат", "Передано людям", "Первый ответ, с",
                "Решение, с", "Просрочен первый ответ", "Просрочено решение"), records.get(0).toList());
        // the API lists Kazan and Omsk; the export follows with the total
        assertEquals(List.of("Казань", "2", "1", "1", "2.5", "1", "120.0", "1200.0", "1", "0"), records.get(1).toList());
        assertEquals(List.of("Омск", "0", "0", "0", "0.0", "0", "0.0", "0.0", "0", "0"), records.get(2).toList());
        assertEquals("Итого", records.get(3).get(0));
        assertEquals(List.of("2", "1", "1", "2.5", "1", "120.0", "1200.0", "1", "0"), records.get(3).toList().subList(1, 10));
        Map<String, Object> total = figures(stats.get("total"));
        assertEquals(((Number) total.get("chats")).longValue(), Long.parseLong(records.get(3).get(1)), "the same total as the statistics");
    }

    @Test
    void theXlsxByDayHasEveryDayOfTheMonthAndThePdfTheOperators() throws IOException {
        Downloads.Download xlsx = downloads.get("/api/reports/chats?format=xlsx&by=day&" + MARCH, boss);
        assertEquals(200, xlsx.status(), xlsx.text());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertEquals("День", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals(32, sheet.getLastRowNum(), "31 days and the total");
            assertEquals("2025-03-05", sheet.getRow(5).getCell(0).getStringCellValue());
            assertEquals(1.0, sheet.getRow(5).getCell(5).getNumericCellValue(), "the round handed to people that day");
            assertEquals(120.0, sheet.getRow(5).getCell(6).getNumericCellValue());
        }
        Downloads.Download pdf = downloads.get("/api/reports/chats?format=pdf&" + MARCH, boss);
        assertEquals(200, pdf.status(), pdf.text());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Чаты по дням"), text);
            assertTrue(text.contains("Ольга Смирнова"), text);
        }
    }

    @Test
    void anUnknownGroupingIsA400NamingIt() {
        Downloads.Download refused = downloads.get("/api/reports/chats?format=csv&by=week&" + MARCH, boss);
        assertEquals(400, refused.status());
        assertTrue(refused.text().contains("\"by\""), refused.text());
    }

    private long chat(long account, long city, String at) {
        return data.db().insert("INSERT INTO conversations (account_id, external_chat_id, city_id, status, last_message_at, created_at) "
                + "VALUES (?, 'c-' || ?, ?, 'closed', ?::timestamptz, ?::timestamptz) RETURNING id", account, at, city, at, at);
    }

    private void message(long chat, String sender, Long operator, String at) {
        data.db().update("INSERT INTO messages (conversation_id, sender, operator_id, text, delivery_status, created_at) "
                + "VALUES (?, ?, ?, 'text', 'sent', ?::timestamptz)", chat, sender, operator, at);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> figures(Object figures) {
        return (Map<String, Object>) figures;
    }
}
