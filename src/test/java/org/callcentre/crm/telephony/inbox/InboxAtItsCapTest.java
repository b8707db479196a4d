package org.callcentre.crm.telephony.inbox;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.Eventually;
import org.callcentre.crm.testing.Health;
import org.callcentre.crm.testing.MangoWebhooks;
import org.callcentre.crm.testing.Scrape;
import org.callcentre.crm.testing.TableLock;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The webhook inbox is bounded: while the worker cannot apply (here a lock the test holds on
 * {@code call_events} stops it), correctly signed Mango webhooks are stored up to the cap and the
 * next is answered 503 with {@code Retry-After} and not stored; {@code /health} and the metrics say
 * so; once the backlog is applied the webhooks are taken again, and applied entries are pruned.
 */
@MicronautTest(transactional = false)
@Property(name = "crm.inbox.max-pending", value = "5")
@Property(name = "crm.inbox.recount-interval", value = "100ms")
@Property(name = "crm.inbox.keep-applied", value = "0s")
class InboxAtItsCapTest {
    private static final int CAP = 5;

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    @Inject
    DataSource dataSource;
    @Inject
    InboxBounds bounds;

    @BeforeEach
    void setUp() {
        data.reset();
        // the previous test's entries are gone: wait for the count to see it
        Eventually.until("the inbox is counted empty", () -> bounds.pending() == 0);
    }

    @Test
    void atTheCapASignedWebhookIsAnswered503AndSentAgainLaterItIsTaken() throws Exception {
        Api admin = admin();
        MangoWebhooks mango = new MangoWebhooks(client, data.db());
        long now = System.currentTimeMillis() / 1000;
        try (TableLock ignored = TableLock.writesTo(dataSource, "call_events")) {
            // the worker claims entries but cannot store their events until this transaction ends
            for (int i = 0; i < CAP; i++) {
                assertEquals(200, mango.summary("cap-" + i, "7912345670" + i, now - 60, now - 50, now - 10, "101"), "webhook " + i);
            }
            // a webhook being stored while the inbox is counted may be missed until the next count (a soft cap)
            Eventually.until("the inbox is counted full", () -> "FULL".equals(Health.of(admin, "telephonyInbox").get("status")));
            String refused = MangoWebhooks.summaryJson("cap-over", "79123456799", now - 60, now - 50, now - 10, "101");
            HttpResponse<?> answer = mango.send("events/summary", refused);
            assertEquals(503, answer.code(), "the webhook past the cap is refused, for Mango to send again");
            assertNotNull(answer.getHeaders().get("Retry-After"), "with Retry-After");
            assertEquals(CAP, data.db().queryLong("SELECT count(*) FROM telephony_inbox"), "the refused webhook was not stored");
            assertEquals(1.0, Scrape.value(client, "crm_telephony_inbox_full"));
        }

        Eventually.until("the backlog is applied and the webhook taken again",
                () -> mango.send("events/summary", MangoWebhooks.summaryJson("cap-over", "79123456799", now - 60, now - 50, now - 10, "101")).code() == 200);
        mango.awaitApplied();
        assertEquals(CAP + 1, data.db().queryLong("SELECT count(*) FROM calls WHERE source = 'mango'"), "every call, the refused one too");
        Eventually.until("the inbox is UP again", () -> "UP".equals(Health.of(admin, "telephonyInbox").get("status")));
        assertEquals(0.0, Scrape.value(client, "crm_telephony_inbox_full"));

        bounds.prune();
        assertEquals(0, data.db().queryLong("SELECT count(*) FROM telephony_inbox"), "applied entries pruned");
    }

    @Test
    void pruningKeepsEntriesNotYetApplied() throws Exception {
        try (TableLock ignored = TableLock.writesTo(dataSource, "call_events")) {
            long now = System.currentTimeMillis() / 1000;
            assertEquals(200, new MangoWebhooks(client, data.db()).summary("kept-1", "79123456701", now - 60, now - 50, now - 10, "101"));
            bounds.prune();
            assertEquals(1, data.db().queryLong("SELECT count(*) FROM telephony_inbox WHERE processed_at IS NULL"), "a pending entry stays");
        }
    }

    private Api admin() {
        data.user("boss", "admin", null, null);
        return new Api(client).login("boss", TestData.PASSWORD);
    }
}
