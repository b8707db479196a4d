package org.callcentre.crm.reports;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

import static org.callcentre.crm.reports.CallCentre.OLGA;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exports far larger than a page of the list: the CSV streams every row, the PDF stops at its cap and says so. */
@MicronautTest(transactional = false)
class LargeExportsTest {
    private static final int CALLS = 30_000;

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
        CallCentre centre = CallCentre.open(data);
        // A minute apart from 1 March: about three weeks of traffic, each call with its own Cyrillic note.
        data.db().update("INSERT INTO calls (source, external_id, city_id, client_phone, direction, status, operator_id, "
                        + "created_at, wait_seconds, talk_seconds, note) "
                        + "SELECT 'mango', 'bulk-' || g, ?, '+7916' || lpad(g::text, 7, '0'), 'inbound', 'answered', ?, "
                        + "timestamptz '2025-03-01 00:00:00+00' + g * interval '1 minute', g % 60, g % 600, 'Звонок №' || g "
                        + "FROM generate_series(1, ?) g",
                centre.kazan, centre.olga, CALLS);
        downloads = new Downloads(server, new Api(client));
        boss = downloads.token("boss");
    }

    @Test
    void csvOfTensOfThousandsOfCallsCarriesEveryRow() throws IOException {
        try (InputStream body = downloads.stream("/api/reports/calls?format=csv", boss)) {
            assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body.readNBytes(3));
            CSVParser parser = CSVFormat.RFC4180.parse(new InputStreamReader(body, StandardCharsets.UTF_8));
            Iterator<CSVRecord> records = parser.iterator();
            assertEquals("№", records.next().get(0));
            CSVRecord newest = records.next();
            assertEquals("Звонок №" + CALLS, newest.get(15));
            assertEquals(OLGA, newest.get(9));
            long rows = 1;
            while (records.hasNext()) {
                records.next();
                rows++;
            }
            assertEquals(CALLS, rows);
        }
    }

    @Test
    void pdfStopsAtItsCapAndSaysSo() throws IOException {
        Downloads.Download pdf = downloads.get("/api/reports/calls?format=pdf", boss);
        assertEquals(200, pdf.status());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            PDFTextStripper lastPage = new PDFTextStripper();
            lastPage.setStartPage(document.getNumberOfPages());
            lastPage.setEndPage(document.getNumberOfPages());
            String text = lastPage.getText(document).replace('\u00A0', ' ');
            assertTrue(text.contains("Показаны первые 5 000 строк"), text);
            assertTrue(text.contains("Звонок №" + (CALLS - PdfReportWriter.MAX_ROWS + 1)), "the last row shown: " + text);
        }
    }
}
