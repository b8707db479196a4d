package org.callcentre.crm.telephony.inbox;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Eventually;
import org.callcentre.crm.testing.MangoWebhooks;
import org.callcentre.crm.testing.TableLock;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Group commit: signed Mango webhooks that arrive while a commit is under way are stored together,
 * one INSERT and one commit, and none is answered before the commit that stores it. Here the test
 * holds a lock on the inbox, so the first webhook's INSERT waits and the others queue behind it.
 */
@MicronautTest(transactional = false)
class WebhooksShareACommitTest {
    private static final int WEBHOOKS = 16;

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    @Inject
    DataSource dataSource;
    @Inject
    InboxWriter writer;

    @Test
    void concurrentWebhooksAreStoredInOneTransactionAndEachAnswered200OnlyAfterIt() throws Exception {
        data.reset();
        MangoWebhooks mango = new MangoWebhooks(client, data.db());
        long now = System.currentTimeMillis() / 1000;
        ExecutorService posting = Executors.newFixedThreadPool(WEBHOOKS);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            try (TableLock lock = TableLock.writesTo(dataSource, "telephony_inbox")) {
                for (int i = 0; i < WEBHOOKS; i++) {
                    String json = MangoWebhooks.summaryJson("group-" + i, "7916000000" + (i % 10), now - 60, now - 50, now, "101");
                    answers.add(posting.submit(() -> mango.post("events/summary", json)));
                    if (i == 0) {
                        Eventually.until("the first webhook's INSERT waits for the lock", () -> data.db().queryLong(
                                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO telephony_inbox%'") == 1);
                    }
                }
                Eventually.until("the other webhooks wait for the next group", () -> writer.waiting() == WEBHOOKS - 1);
                assertFalse(answers.stream().anyMatch(Future::isDone), "a webhook was answered before it was stored");
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get());
            }
            assertEquals(WEBHOOKS, data.db().queryLong("SELECT count(*) FROM telephony_inbox"));
            assertEquals(2, data.db().queryLong("SELECT count(DISTINCT xmin::text) FROM telephony_inbox"),
                    "the first webhook's transaction, then one for the fifteen that waited behind it");
        } finally {
            posting.shutdownNow();
            mango.awaitApplied();
        }
    }
}
