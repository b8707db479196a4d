package org.callcentre.crm.telephony.mango;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.MangoWebhooks;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Mango signature against answers computed outside the code, with coreutils:
 * {@code printf '%s' "<key><json><salt>" | sha256sum}. A signer and a checker that shared a mistake (another
 * order, another encoding, another hash) would agree with each other and still fail here.
 */
@MicronautTest(transactional = false)
class MangoSignatureKnownAnswerTest {
    /** An ordinary summary; the key and salt are those of application-test.yml. */
    private static final String SUMMARY = "{\"entry_id\":\"kat-1\",\"call_direction\":1,\"from\":{\"number\":\"79161234567\"},"
            + "\"to\":{\"extension\":\"\"},\"line_number\":\"78432507713\",\"create_time\":1700000000,\"forward_time\":0,"
            + "\"talk_time\":0,\"end_time\":1700000060,\"entry_result\":0,\"disconnect_reason\":1110}";
    /** printf '%s' "test-vpbx-api-key${SUMMARY}test-vpbx-api-salt" | sha256sum */
    private static final String SUMMARY_SIGN = "91343a2de649a044b5e60fd7cde59d2d3758a20d47ee273b287b7afbffc5a682";
    /** printf '%s' "wrong-vpbx-api-key${SUMMARY}test-vpbx-api-salt" | sha256sum: signed right, by someone else's key. */
    private static final String SIGN_OF_WRONG_KEY = "2665b7450d8dbd88533edd851e8de4cb5e29efbc62f8e91f3ac5b64ee728d61b";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;

    @BeforeEach
    void setUp() {
        data.reset();
    }

    @Test
    void theSignatureIsTheHexSha256OfKeyJsonAndSaltInUtf8() {
        assertEquals(SUMMARY_SIGN, MangoSignature.sign(MangoWebhooks.KEY, SUMMARY, MangoWebhooks.SALT));
        // printf '%s' 'ключ-1{"command_id":"цб-1","result":1000,"comment":"Звонок"}соль' | sha256sum
        assertEquals("7be5dffc90d41a1d88afb7fb34765964aeb93024d726df492248ea0a748f9ad1",
                MangoSignature.sign("ключ-1", "{\"command_id\":\"цб-1\",\"result\":1000,\"comment\":\"Звонок\"}", "соль"));
    }

    @Test
    void aWebhookSignedAsMangoSignsIsTakenAndAWrongVpbxApiKeyIsNot() {
        assertEquals(401, post("wrong-vpbx-api-key", SIGN_OF_WRONG_KEY), "another PBX's key and its own correct signature");
        assertEquals(401, post("wrong-vpbx-api-key", SUMMARY_SIGN), "a wrong key beside our correct signature");
        assertEquals(401, post(MangoWebhooks.KEY, SUMMARY_SIGN.replace('9', '8')));
        assertEquals(0L, data.count("telephony_inbox"), "nothing taken from a refused webhook");

        assertEquals(200, post(MangoWebhooks.KEY, SUMMARY_SIGN));
        assertEquals(200, post(MangoWebhooks.KEY, SUMMARY_SIGN.toUpperCase()), "hex in capitals is the same signature");
        assertEquals(2L, data.count("telephony_inbox WHERE payload LIKE '%kat-1%'"), "both deliveries taken; applying drops the repeat");
    }

    private int post(String vpbxApiKey, String sign) {
        Map<String, String> form = Map.of("vpbx_api_key", vpbxApiKey, "sign", sign, "json", SUMMARY);
        try {
            return client.toBlocking().exchange(HttpRequest.POST("/integrations/mango/events/summary", form)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), Argument.of(String.class)).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }
}
