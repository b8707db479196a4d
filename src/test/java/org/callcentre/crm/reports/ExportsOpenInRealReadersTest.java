package org.callcentre.crm.reports;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.callcentre.crm.reports.CallCentre.AWKWARD_NOTE;
import static org.callcentre.crm.reports.CallCentre.OLGA;
import static org.callcentre.crm.reports.CallCentre.PETR;
import static org.callcentre.crm.reports.Downloads.encode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Acceptance: CSV, XLSX and PDF exports open in real readers (commons-csv, POI, PDFBox). */
@MicronautTest(transactional = false)
class ExportsOpenInRealReadersTest {
    private static final String KAZAN_MARCH = "city=" + encode("Казань") + "&dateFrom=2025-03-01&dateTo=2025-03-31";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    EmbeddedServer server;
    @Inject
    TestData data;
    Downloads downloads;
    String boss;

    @BeforeEach
    void setUp() {
        CallCentre.open(data).march();
        Api api = new Api(client);
        downloads = new Downloads(server, api);
        boss = downloads.token("boss");
        Api olga = api.login("olga", TestData.PASSWORD);
        Api admin = api.login("boss", TestData.PASSWORD);
        long completed = createOrder(olga, "Анна Смирнова", "ул. Баумана, 1");
        createOrder(olga, "Борис Петров", "пр. Победы, 10");
        for (String status : List.of("assigned", "in_progress")) {
            assertEquals(200, admin.patch("/api/orders/" + completed, Map.of("status", status)).status());
        }
        Api.Reply done = admin.patch("/api/orders/" + completed, Map.of("status", "completed", "result", 1500.50, "expenditure", 0));
        assertEquals(200, done.status(), done.toString());
    }

    private static long createOrder(Api as, String clientName, String address) {
        Api.Reply reply = as.post("/api/orders", Map.of("city", "Казань", "phone", "8 916 123-45-67",
                "clientName", clientName, "address", address, "typeEquipment", "стиральная машина"));
        assertEquals(201, reply.status(), reply.toString());
        return ((Number) reply.data().get("id")).longValue();
    }

    @Test
    void callsCsvIsUtf8WithBomHeaderAndQuotedAwkwardValues() throws IOException {
        Downloads.Download csv = downloads.get("/api/reports/calls?format=csv&" + KAZAN_MARCH, boss);
        assertEquals(200, csv.status(), csv.text());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertTrue(csv.contentDisposition().contains("attachment; filename=\"calls-2025-03-01_2025-03-31.csv\""),
                csv.contentDisposition());
        assertArrayEquals(BOM, Arrays.copyOf(csv.body(), 3));

        List<CSVRecord> records = parse(csv, ',');
        assertEquals(List.of("№", "Дата и время", "Направление", "Статус", "Причина пропуска", "Телефон клиента",
                "Номер компании", "РК", "Город", "Оператор", "Клиент", "Ожидание, с", "Разговор, с", "Удержание, с",
                "Итог звонка", "Примечание", "Заказ №"), records.get(0).toList());
        List<CSVRecord> rows = records.subList(1, records.size());
        assertEquals(4, rows.size());
        assertEquals(List.of(PETR, OLGA, OLGA, OLGA), rows.stream().map(r -> r.get(9)).toList(), "newest first");
        CSVRecord oldest = rows.get(3);
        assertEquals("2025-03-03 10:00:00", oldest.get(1), "local time of Kazan");
        assertEquals("Входящий", oldest.get(2));
        assertEquals("Принят", oldest.get(3));
        assertEquals("Казань", oldest.get(8));
        assertEquals("12", oldest.get(11));
        assertEquals(AWKWARD_NOTE, oldest.get(15));
        assertTrue(csv.text().contains("\"Сказала: \"\"перезвоните\"\", завтра\nпосле обеда\""), "RFC 4180 quoting");
    }

    @Test
    void semicolonCsvForRussianExcel() throws IOException {
        Downloads.Download csv = downloads.get("/api/reports/operators?format=csv&sep=semicolon"
                + "&startDate=2025-03-01&endDate=2025-03-31&city=" + encode("Казань"), boss);
        assertEquals(200, csv.status(), csv.text());
        List<CSVRecord> records = parse(csv, ';');
        assertEquals("Оператор", records.get(0).get(0));
        CSVRecord olga = records.stream().filter(r -> r.get(0).equals(OLGA)).findFirst().orElseThrow();
        assertEquals("50,0", olga.get(5), "a decimal comma goes with semicolons");
    }

    @Test
    void callsXlsxHasTypedCellsBoldFrozenHeaderAndAutofilter() throws IOException {
        Downloads.Download xlsx = downloads.get("/api/reports/calls?format=xlsx&" + KAZAN_MARCH, boss);
        assertEquals(200, xlsx.status(), xlsx.text());
        assertTrue(xlsx.contentDisposition().contains("filename=\"calls-2025-03-01_2025-03-31.xlsx\""));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertEquals("Звонки", sheet.getSheetName());
            assertEquals(4, sheet.getLastRowNum(), "a header and four calls");
            Row header = sheet.getRow(0);
            assertEquals("Дата и время", header.getCell(1).getStringCellValue());
            assertTrue(workbook.getFontAt(header.getCell(1).getCellStyle().getFontIndex()).getBold());
            assertTrue(sheet.getPaneInformation().isFreezePane());
            assertTrue(sheet.getCTWorksheet().isSetAutoFilter());

            Row oldest = sheet.getRow(4);
            assertEquals(CellType.NUMERIC, oldest.getCell(0).getCellType(), "id");
            Cell when = oldest.getCell(1);
            assertEquals(CellType.NUMERIC, when.getCellType());
            assertTrue(DateUtil.isCellDateFormatted(when));
            assertEquals(LocalDateTime.parse("2025-03-03T10:00:00"), when.getLocalDateTimeCellValue());
            assertEquals(12.0, oldest.getCell(11).getNumericCellValue());
            assertEquals(OLGA, oldest.getCell(9).getStringCellValue());
            assertEquals(AWKWARD_NOTE, oldest.getCell(15).getStringCellValue());
        }
    }

    @Test
    void ordersXlsxCarriesMoneyAsNumbers() throws IOException {
        Downloads.Download xlsx = downloads.get("/api/reports/orders?format=xlsx&city=" + encode("Казань"), boss);
        assertEquals(200, xlsx.status(), xlsx.text());
        assertTrue(xlsx.contentDisposition().contains("filename=\"orders.xlsx\""), xlsx.contentDisposition());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertEquals(2, sheet.getLastRowNum());
            List<String> titles = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> titles.add(cell.getStringCellValue()));
            Row completed = sheet.getRow(2);
            assertEquals("Анна Смирнова", completed.getCell(titles.indexOf("Клиент")).getStringCellValue());
            assertEquals("Выполнен", completed.getCell(titles.indexOf("Статус")).getStringCellValue());
            Cell sum = completed.getCell(titles.indexOf("Сумма"));
            assertEquals(CellType.NUMERIC, sum.getCellType());
            assertEquals(1500.50, sum.getNumericCellValue());
            assertEquals(OLGA, completed.getCell(titles.indexOf("Оператор")).getStringCellValue());
            assertEquals("Параметры", workbook.getSheetAt(1).getSheetName());
        }
    }

    @Test
    void callsPdfHasTitleCyrillicNamesChartAndAnEmbeddedFont() throws IOException {
        Downloads.Download pdf = downloads.get("/api/reports/calls?format=pdf&" + KAZAN_MARCH, boss);
        assertEquals(200, pdf.status(), pdf.text());
        assertEquals("application/pdf", pdf.contentType());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertTrue(document.getNumberOfPages() >= 1);
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Звонки"), text);
            assertTrue(text.contains("Звонки по дням"), text);
            assertTrue(text.contains(OLGA), text);
            assertTrue(text.contains(PETR), text);
            assertTrue(text.contains("Город: Казань"), "the filters are printed: " + text);
            assertFalse(text.contains("Показаны первые"), "four rows are not cut");
            assertEmbeddedDejaVu(document.getPage(0));
        }
    }

    @Test
    void operatorsPdfListsOperatorsByName() throws IOException {
        Downloads.Download pdf = downloads.get("/api/reports/operators?format=pdf&startDate=2025-03-01&endDate=2025-03-31", boss);
        assertEquals(200, pdf.status(), pdf.text());
        assertTrue(pdf.contentDisposition().contains("filename=\"operators-2025-03-01_2025-03-31.pdf\""));
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Операторы"), text);
            assertTrue(text.contains(OLGA), text);
            assertTrue(text.contains(CallCentre.IRINA), text);
            assertEmbeddedDejaVu(document.getPage(0));
        }
    }

    private static void assertEmbeddedDejaVu(PDPage page) throws IOException {
        List<String> embedded = new ArrayList<>();
        for (COSName name : page.getResources().getFontNames()) {
            PDFont font = page.getResources().getFont(name);
            assertNotNull(font);
            if (font.isEmbedded()) {
                embedded.add(font.getName());
            }
        }
        assertTrue(embedded.stream().anyMatch(n -> n.contains("DejaVuSans")), "embedded fonts: " + embedded);
    }

    private static List<CSVRecord> parse(Downloads.Download csv, char delimiter) throws IOException {
        String withoutBom = new String(csv.body(), 3, csv.body().length - 3, java.nio.charset.StandardCharsets.UTF_8);
        return CSVFormat.RFC4180.builder().setDelimiter(delimiter).get().parse(new StringReader(withoutBom)).getRecords();
    }
}
