package org.callcentre.crm.ai.answers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evaluation command as docs/avito-ai.md runs it, on the development halves of the independent
 * sets (docs/eval/independent/chats, two knowledge bases written blind) at the threshold
 * application.yml configures: the hard bars of issue 12 (precision 90 %, no hand-off question
 * answered) must hold on each. The test halves are only read by the final scorer, never here.
 */
class EvalAnswersCommandTest {
    private static final String SETS = "docs/eval/independent/chats/";

    @ParameterizedTest
    @ValueSource(strings = {"repair", "cleaning"})
    void theIndependentDevSetsMeetTheHardBarsAtTheConfiguredThreshold(String base) {
        String out = run("--kb", SETS + "kb-" + base + ".csv", "--questions", SETS + "questions-" + base + "-dev.jsonl");
        assertTrue(figure(out, "questions: (\\d+)") >= 60, out);
        assertTrue(figure(out, "precision of answers sent: ([0-9.]+) %") >= 90.0, out);
        assertTrue(figure(out, "coverage of answerable questions: ([0-9.]+) %") >= 50.0, out);
        assertEquals(0, figure(out, "missed hand-offs: (\\d+) of"), out);
        assertTrue(out.contains("threshold: 0.40"), out);
    }

    @Test
    void anyOtherSetIsMeasuredTheSameWay(@TempDir Path dir) throws IOException {
        Path kb = dir.resolve("kb.csv");
        Files.writeString(kb, "category,title,question,answer,city\n"
                + "parking,Parking,Where can I park?,Behind the building.,\n"
                + "hours,Opening hours,When are you open?,From 9 to 18.,\n", StandardCharsets.UTF_8);
        Path questions = dir.resolve("q.jsonl");
        Files.writeString(questions, "{\"question\":\"where to park my car\",\"expected\":\"Parking\",\"kind\":\"ordinary\"}\n"
                + "{\"question\":\"when are you open\",\"city\":\"\",\"expected\":\"Parking\"}\n"
                + "{\"question\":\"tell me a joke\",\"expected\":\"handoff\",\"kind\":\"chatter\"}\n", StandardCharsets.UTF_8);
        String out = run("--kb", kb.toString(), "--questions", questions.toString(), "--threshold", "0.3");
        assertTrue(out.contains("questions: 3 (2 answerable, 1 hand-off)"), out);
        assertTrue(out.contains("answers sent: 2, right: 1"), out);
        assertTrue(out.contains("precision of answers sent: 50.0 %"), out);
        assertTrue(out.contains("WRONG line 2"), out);
        assertTrue(out.contains("missed hand-offs: 0 of 1"), out);
        assertTrue(out.contains("  ordinary | 1 | 1 | 1 | 1 | 100.0 % | 100.0 % | 0 of 0"), out);
        assertTrue(out.contains("  - | 1 | 1 | 1 | 0 | 0.0 % | 0.0 % | 0 of 0"), out);
        assertTrue(out.contains("  chatter | 1 | 0 | 0 | 0 | 0.0 % | 0.0 % | 0 of 1"), out);
    }

    @Test
    void badArgumentsAndFilesAreReportedWithExitCode2(@TempDir Path dir) throws IOException {
        assertEquals(2, EvalAnswersCommand.run(new String[]{"--kb"}, new PrintStream(new ByteArrayOutputStream())));
        Path questions = dir.resolve("q.jsonl");
        Files.writeString(questions, "{\"question\":\"x\"}\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(2, EvalAnswersCommand.run(new String[]{"--kb", "docs/eval/kb.csv", "--questions", questions.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8)));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("line 1"), out.toString(StandardCharsets.UTF_8));
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, EvalAnswersCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8)));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static double figure(String out, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(out);
        assertTrue(m.find(), "no '" + pattern + "' in\n" + out);
        return Double.parseDouble(m.group(1));
    }
}
