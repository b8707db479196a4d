package org.callcentre.crm.testing;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import org.callcentre.crm.shared.Db;
import org.callcentre.crm.telephony.mango.MangoSignature;

import java.util.Map;

/**
 * Posts webhooks the way Mango Office does (form fields {@code vpbx_api_key}, {@code sign},
 * {@code json}), signed with the test key and salt of application-test.yml.
 */
public final class MangoWebhooks {
    public static final String KEY = "test-vpbx-api-key";
    public static final String SALT = "test-vpbx-api-salt";

    private final HttpClient client;
    private final Db db;

    public MangoWebhooks(HttpClient client, Db db) {
        this.client = client;
        this.db = db;
    }

    /** @return the HTTP status */
    public int post(String path, String json) {
        return postSigned(path, json, MangoSignature.sign(KEY, json, SALT));
    }

    public int postSigned(String path, String json, String sign) {
        return send(path, json, sign).code();
    }

    /** The whole answer to a correctly signed webhook, headers too. */
    public HttpResponse<?> send(String path, String json) {
        return send(path, json, MangoSignature.sign(KEY, json, SALT));
    }

    private HttpResponse<?> send(String path, String json, String sign) {
        Map<String, String> form = Map.of("vpbx_api_key", KEY, "sign", sign, "json", json);
        try {
            return client.toBlocking().exchange(HttpRequest.POST("/integrations/mango/" + path, form)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), Argument.of(String.class));
        } catch (HttpClientResponseException e) {
            return e.getResponse();
        }
    }

    /** A whole call as Mango's closing summary alone; {@code talk} 0 means nobody answered. */
    public int summary(String entryId, String clientNumber, long create, long talk, long end, String extension) {
        return post("events/summary", summaryJson(entryId, clientNumber, create, talk, end, extension));
    }

    /** The {@code json} field of Mango's {@code events/summary} for an inbound call to the Kazan line. */
    public static String summaryJson(String entryId, String clientNumber, long create, long talk, long end, String extension) {
        return """
                {"entry_id":"%s","call_direction":1,"from":{"number":"%s"},"to":{"extension":"%s"},"line_number":"78432507713",\
                "create_time":%d,"forward_time":0,"talk_time":%d,"end_time":%d,"entry_result":%d,"disconnect_reason":%d}"""
                .formatted(entryId, clientNumber, extension == null ? "" : extension, create, talk, end, talk > 0 ? 1 : 0,
                        talk > 0 ? 1100 : 1110);
    }

    /** Waits until the inbox worker has applied everything posted so far. */
    public void awaitApplied() {
        long deadline = System.currentTimeMillis() + 20_000;
        while (db.queryLong("SELECT count(*) FROM telephony_inbox WHERE processed_at IS NULL") > 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("telephony inbox not drained");
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        String errors = db.query("SELECT last_error FROM telephony_inbox WHERE last_error IS NOT NULL", rs -> rs.getString(1)).toString();
        if (!"[]".equals(errors)) {
            throw new AssertionError("inbox entries failed: " + errors);
        }
    }
}
