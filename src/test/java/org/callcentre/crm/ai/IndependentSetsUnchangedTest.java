package org.callcentre.crm.ai;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The independent sets are scored on their test halves, which must stay as their writers left them:
 * a test file whose hash moved, or a line shared by a dev and a test file, fails here.
 */
class IndependentSetsUnchangedTest {
    private static final Path SETS = Path.of("docs/eval/independent");

    @Test
    void testFilesKeepTheHashesTheyWereWrittenWith() throws IOException, NoSuchAlgorithmException {
        List<String> sums = Files.readAllLines(SETS.resolve("SHA256SUMS"));
        assertEquals(13, sums.size(), "thirteen test files: calls, the first two chat halves, the four of test2, the five chat "
                + "files and the calls of test3");
        for (String line : sums) {
            String[] parts = line.split("\\s+");
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(SETS.resolve(parts[1])));
            assertEquals(parts[0], HexFormat.of().formatHex(digest), parts[1] + " changed since it was written");
        }
    }

    @Test
    void noLineIsInBothADevAndATestFile() throws IOException {
        for (String[] pair : List.of(new String[]{"calls/calls-dev.jsonl", "calls/calls-test.jsonl"},
                new String[]{"chats/questions-repair-dev.jsonl", "chats/questions-repair-test.jsonl"},
                new String[]{"chats/questions-cleaning-dev.jsonl", "chats/questions-cleaning-test.jsonl"},
                new String[]{"chats-dev2/questions-repair-dev2.jsonl", "chats/questions-repair-test.jsonl"},
                new String[]{"chats-dev2/questions-cleaning-dev2.jsonl", "chats/questions-cleaning-test.jsonl"},
                new String[]{"chats/questions-repair-dev.jsonl", "chats-test2/questions-repair-test2.jsonl"},
                new String[]{"chats-dev2/questions-repair-dev2.jsonl", "chats-test2/questions-repair-test2.jsonl"},
                new String[]{"chats/questions-cleaning-dev.jsonl", "chats-test2/questions-cleaning-test2.jsonl"},
                new String[]{"chats-dev2/questions-cleaning-dev2.jsonl", "chats-test2/questions-cleaning-test2.jsonl"},
                new String[]{"chats-dev2/questions-third-dev.jsonl", "chats-test2/questions-third-test2.jsonl"},
                new String[]{"chats-test2/questions-fourth-dev.jsonl", "chats-test2/questions-fourth-test.jsonl"},
                new String[]{"chats/questions-repair-dev.jsonl", "chats-test3/questions-repair-test3.jsonl"},
                new String[]{"chats-dev2/questions-repair-dev2.jsonl", "chats-test3/questions-repair-test3.jsonl"},
                new String[]{"chats/questions-cleaning-dev.jsonl", "chats-test3/questions-cleaning-test3.jsonl"},
                new String[]{"chats-dev2/questions-cleaning-dev2.jsonl", "chats-test3/questions-cleaning-test3.jsonl"},
                new String[]{"chats-dev2/questions-third-dev.jsonl", "chats-test3/questions-third-test3.jsonl"},
                new String[]{"chats-test2/questions-fourth-dev.jsonl", "chats-test3/questions-fourth-test3.jsonl"},
                new String[]{"chats-test3/questions-fifth-dev.jsonl", "chats-test3/questions-fifth-test.jsonl"},
                new String[]{"calls/calls-dev.jsonl", "calls-test3/calls-test3.jsonl"},
                new String[]{"calls-test3/calls-dev3.jsonl", "calls-test3/calls-test3.jsonl"})) {
            Set<String> dev = new HashSet<>(Files.readAllLines(SETS.resolve(pair[0])));
            List<String> shared = Files.readAllLines(SETS.resolve(pair[1])).stream().filter(dev::contains).toList();
            assertTrue(shared.isEmpty(), pair[1] + " shares lines with " + pair[0] + ": " + shared);
        }
    }
}
