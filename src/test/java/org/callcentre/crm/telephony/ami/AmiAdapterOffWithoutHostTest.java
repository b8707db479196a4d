package org.callcentre.crm.telephony.ami;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Without {@code crm.ami.host} nothing connects anywhere and health does not mention Asterisk. */
@MicronautTest(transactional = false)
class AmiAdapterOffWithoutHostTest {
    @Inject
    ApplicationContext context;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;

    @Test
    @SuppressWarnings("unchecked")
    void noConnectorNoHealthIndicator() {
        assertFalse(context.containsBean(AmiConnector.class));
        data.reset();
        data.user("boss", "admin", null, null);
        Api.Reply health = new Api(client).login("boss", TestData.PASSWORD).get("/health");
        assertEquals(200, health.status(), health.toString());
        assertFalse(((Map<String, Object>) health.body().get("details")).containsKey("ami"), health.toString());
    }
}
