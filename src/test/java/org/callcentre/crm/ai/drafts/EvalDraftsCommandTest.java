package org.callcentre.crm.ai.drafts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code eval-drafts}: each line's city and call time go through the API's path; accuracy is shown per kind. */
class EvalDraftsCommandTest {
    @Test
    void eachLinesCityAndCallTimeAreUsedAndAccuracyIsShownPerKind(@TempDir Path dir) throws Exception {
        Path calls = dir.resolve("calls.jsonl");
        Files.writeString(calls, """
                {"text":"холодильник течет улица мира дом два завтра","callTime":"2026-02-27T10:00:00+05:00","city":"Тюмень","kind":"ordinary","expected":{"city":"Тюмень","address":"ул. Мира, д. 2","equipmentType":"холодильник","problem":"течет","visitDate":"2026-02-28","clientName":null}}
                {"text":"алло это пиццерия","callTime":"2026-02-27T10:00:00+03:00","city":"Тула","kind":"wrong-number","expected":{"city":null,"address":null,"equipmentType":null,"problem":null,"visitDate":null,"clientName":null}}
                """, StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = EvalDraftsCommand.run(new String[]{"--calls", calls.toString(), "--verbose"}, new PrintStream(out, true, StandardCharsets.UTF_8));
        String report = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, report);
        assertTrue(report.contains("calls: 2"), report);
        assertTrue(report.matches("(?s).*\\n  ordinary +1 +1\\.00 +1\\.00 +1\\.00 +1\\.00 +1\\.00 +1\\.00 +100 %.*"), report);
        assertTrue(report.matches("(?s).*\\n  wrong-number +1 +1\\.00 .*"), report);
        assertTrue(report.contains("draft time: p50"), report);
    }

    @Test
    void badArgumentsAndUnreadableLinesExitWithTwo(@TempDir Path dir) throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        assertEquals(2, EvalDraftsCommand.run(new String[]{"--calls"}, quiet));
        Path broken = dir.resolve("broken.jsonl");
        Files.writeString(broken, "not json\n");
        assertEquals(2, EvalDraftsCommand.run(new String[]{"--calls", broken.toString()}, quiet));
        assertEquals(2, EvalDraftsCommand.run(new String[]{"--calls", dir.resolve("missing.jsonl").toString()}, quiet));
    }
}
