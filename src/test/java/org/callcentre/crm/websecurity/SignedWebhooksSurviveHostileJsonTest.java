package org.callcentre.crm.websecurity;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.callcentre.crm.telephony.mango.MangoSignature;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.AvitoServerFixture;
import org.callcentre.crm.testing.AvitoSetup;
import org.callcentre.crm.testing.AvitoWebhooks;
import org.callcentre.crm.testing.Eventually;
import org.callcentre.crm.testing.MangoWebhooks;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Bodies that pass the door — Mango webhooks signed with the right key and salt, Avito webhooks on the
 * account's right secret path — with hostile JSON inside (wrong types, numbers past every range, deep
 * nesting, missing members, unicode junk, duplicate keys, no object at all). What each answer may be:
 * <ul>
 *   <li><b>Mango</b>: 400 when {@code json} is not a JSON object (refused: every table as it was), or 200
 *       when it is one — a signed object is Mango's to send and is kept in {@code telephony_inbox} whatever
 *       it says; the worker then applies it or sets it aside as unreadable, and must be done with it (no row
 *       left unapplied to block the inbox or count against its cap);</li>
 *   <li><b>Avito</b>: 400 naming the field when a message's members are missing or of the wrong kind
 *       (refused: every table as it was), or 200 when it was stored or is not a message at all;</li>
 *   <li>never a 5xx, on either.</li>
 * </ul>
 * "Every table as it was" is the content of every table the catalog lists. No audit row is expected from
 * a refusal here (the door was passed), so none is left out. After all cases a plain call and a plain chat
 * message still go through. The cases are drawn from a seed printed first ({@code -Dhostile.seed=…}
 * replays a run); {@code -Dhostile.cases=…} sets the number per webhook (default 20).
 */
@MicronautTest(transactional = false)
class SignedWebhooksSurviveHostileJsonTest extends AvitoServerFixture {
    private static final long SEED = Long.getLong("hostile.seed", System.nanoTime());
    private static final int CASES = Integer.getInteger("hostile.cases", 20);
    /** A refusal past the door writes no audit row. */
    private static final Set<String> AUDIT_OF_REFUSALS = Set.of();
    private static final long NOW = 1_773_000_000L;

    private String avitoWebhook;
    private DatabaseFingerprint fingerprint;
    /** Answers per webhook and status, printed: a run that never reaches one of the branches shows it. */
    private final Map<String, Integer> answers = new java.util.TreeMap<>();

    @Override
    protected Map<String, String> moreProperties() {
        // The recording jobs accepted bodies queue would retry against a Mango API that is not there, and the
        // chat sweep would move chats on a clock: both would change tables while a later refusal is checked.
        return Map.of("crm.jobs.enabled", "false", "crm.conversations.sweep-interval", "1h");
    }

    @BeforeEach
    void setUp() {
        data.reset();
        long kazan = data.city("Казань", "Europe/Moscow");
        data.db().update("INSERT INTO campaigns (rk, city_id, phone_ats, source) VALUES ('KZN-AVITO', ?, '+78432507713', 'avito')", kazan);
        data.user("boss", "admin", null, null);
        avitoWebhook = AvitoSetup.account(new Api(client).login("boss", TestData.PASSWORD), avito, "Казань");
        fingerprint = new DatabaseFingerprint(data.db(), AUDIT_OF_REFUSALS, Set.of());
    }

    @Test
    void hostileJsonBehindARightSignatureOrSecretIsStoredWhole_orRefusedWithNothingWritten() {
        System.out.println("Signed hostile webhooks: seed " + SEED + " (-Dhostile.seed=" + SEED + " replays)");
        Random random = new Random(SEED);
        HostileJson hostile = new HostileJson(random);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            String path = List.of("events/call", "events/summary", "events/recording").get(random.nextInt(3));
            HostileJson.Body body = hostile.mutate(mangoTemplate(path, i));
            checkMango(path, body, failures);
            checkAvito(hostile.mutate(avitoTemplate(i)), failures);
        }
        System.out.println("Signed hostile webhooks: answers " + answers + ", seed " + SEED);
        if (!failures.isEmpty()) {
            fail(failures.size() + " failures (seed " + SEED + ", -Dhostile.seed=" + SEED + " replays):\n"
                    + String.join("\n", failures.subList(0, Math.min(30, failures.size()))));
        }

        MangoWebhooks mango = new MangoWebhooks(client, data.db());
        assertEquals(200, mango.summary("after-hostile", "79161234567", NOW, NOW + 10, NOW + 70, null));
        // (MangoWebhooks.awaitApplied would fail on the hostile entries set aside as unreadable, as they should be)
        Eventually.until("a plain call after the hostile ones is stored",
                () -> data.db().queryLong("SELECT count(*) FROM calls WHERE external_id = 'after-hostile'") == 1);
        assertEquals(200, new Api(client).post(avitoWebhook,
                AvitoWebhooks.clientMessage("m-after", "chat-after", AvitoSetup.AVITO_USER, "Здравствуйте")).status());
        Eventually.until("a plain chat message after the hostile ones is stored",
                () -> data.db().queryLong("SELECT count(*) FROM messages WHERE external_id = 'm-after'") == 1);
    }

    private void checkMango(String path, HostileJson.Body body, List<String> failures) {
        String what = "Mango " + path + " [" + body.mutations() + "] " + abbreviate(body.json());
        var before = settledFingerprint();
        int status = post("/integrations/mango/" + path, MediaType.APPLICATION_FORM_URLENCODED_TYPE,
                "vpbx_api_key=" + enc(MangoWebhooks.KEY) + "&sign=" + MangoSignature.sign(MangoWebhooks.KEY, body.json(), MangoWebhooks.SALT)
                        + "&json=" + enc(body.json()));
        answers.merge("mango " + status, 1, Integer::sum);
        if (status == 200) {
            long kept = data.db().queryLong("SELECT count(*) FROM telephony_inbox WHERE payload = ?", body.json());
            if (kept == 0) {
                failures.add("answered 200 but not kept in the inbox: " + what);
            }
            awaitInboxDone(what, failures);
        } else if (status == 400 || status == 413) {
            List<String> changed = DatabaseFingerprint.changedTables(before, fingerprint.take());
            if (!changed.isEmpty()) {
                failures.add("refused with " + status + " but wrote " + changed + ": " + what);
            }
        } else {
            failures.add(status + " for " + what);
        }
    }

    private void checkAvito(HostileJson.Body body, List<String> failures) {
        String what = "Avito [" + body.mutations() + "] " + abbreviate(body.json());
        var before = settledFingerprint();
        int status = post(avitoWebhook, MediaType.APPLICATION_JSON_TYPE, body.json());
        answers.merge("avito " + status, 1, Integer::sum);
        if (status == 400 || status == 413) {
            List<String> changed = DatabaseFingerprint.changedTables(before, fingerprint.take());
            if (!changed.isEmpty()) {
                failures.add("refused with " + status + " but wrote " + changed + ": " + what);
            }
        } else if (status != 200) {
            failures.add(status + " for " + what);
        }
    }

    /**
     * The tables once the work that earlier accepted bodies started is over (the inbox worker, the chat's ad
     * lookup and auto-responder): two equal fingerprints a moment apart.
     */
    private Map<String, String> settledFingerprint() {
        Map<String, String> last = fingerprint.take();
        for (int i = 0; i < 100; i++) {
            sleep(150);
            Map<String, String> now = fingerprint.take();
            if (now.equals(last) && data.db().queryLong("SELECT count(*) FROM telephony_inbox WHERE processed_at IS NULL") == 0) {
                return now;
            }
            last = now;
        }
        throw new AssertionError("the database does not settle: " + DatabaseFingerprint.changedTables(last, fingerprint.take()));
    }

    /** The worker applies the stored body or sets it aside; a body it keeps failing on would block the inbox. */
    private void awaitInboxDone(String what, List<String> failures) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (data.db().queryLong("SELECT count(*) FROM telephony_inbox WHERE processed_at IS NULL") > 0) {
            if (System.nanoTime() > deadline) {
                failures.add("accepted but left in the inbox unapplied ("
                        + data.db().query("SELECT coalesce(last_error, '') FROM telephony_inbox WHERE processed_at IS NULL",
                        rs -> rs.getString(1)) + "): " + what);
                // take it out of the way so that the next cases are judged on their own
                data.db().update("UPDATE telephony_inbox SET processed_at = now() WHERE processed_at IS NULL");
                return;
            }
            sleep(50);
        }
    }

    private static HostileJson.Obj mangoTemplate(String path, int i) {
        String entry = "hostile-" + i;
        return switch (path) {
            case "events/call" -> HostileJson.Obj.of("entry_id", entry, "call_id", "leg-" + i, "timestamp", NOW + i, "seq", 1L,
                    "call_state", List.of("Appeared", "Connected", "OnHold", "Disconnected").get(i % 4), "location", "abonent",
                    "from", HostileJson.Obj.of("number", "79161234567"),
                    "to", HostileJson.Obj.of("extension", "101", "number", "sip:101@vpbx", "line_number", "78432507713", "acd_group", "1"),
                    "disconnect_reason", 1110L, "command_id", "cmd-" + i);
            case "events/summary" -> HostileJson.Obj.of("entry_id", entry, "call_direction", 1L,
                    "from", HostileJson.Obj.of("number", "79161234567"), "to", HostileJson.Obj.of("extension", "101"),
                    "line_number", "78432507713", "create_time", NOW + i, "forward_time", NOW + i + 5, "talk_time", NOW + i + 10,
                    "end_time", NOW + i + 70, "entry_result", 1L, "disconnect_reason", 1100L);
            default -> HostileJson.Obj.of("recording_id", "rec-" + i, "recording_state", "Completed", "entry_id", entry,
                    "call_id", "leg-" + i, "extension", "101", "timestamp", NOW + i + 80);
        };
    }

    private static HostileJson.Obj avitoTemplate(int i) {
        return HostileJson.Obj.of("id", "evt-" + i, "version", "v3.0.0", "timestamp", NOW + i,
                "payload", HostileJson.Obj.of("type", "message", "value", HostileJson.Obj.of(
                        "id", "m-" + i, "chat_id", "chat-" + (i % 3), "user_id", AvitoSetup.AVITO_USER, "author_id", 777000L,
                        "created", NOW + i, "type", "text", "chat_type", "u2i", "item_id", 4242L,
                        "content", HostileJson.Obj.of("text", "Сколько стоит ремонт?"))));
    }

    private int post(String path, MediaType type, String body) {
        try {
            HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.POST(path, body).contentType(type), String.class);
            return response.code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…(" + s.length() + " chars)" : s;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
