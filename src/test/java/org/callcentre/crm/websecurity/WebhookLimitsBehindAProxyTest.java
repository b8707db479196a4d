package org.callcentre.crm.websecurity;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.MangoWebhooks;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Behind a configured reverse proxy (the test client's 127.0.0.1), each forwarded client has its own budget. */
@MicronautTest(transactional = false)
@Property(name = "crm.webhooks.failures-per-second", value = "0.01")
@Property(name = "crm.webhooks.failures-burst", value = "2")
@Property(name = "crm.webhooks.trusted-proxies", value = "127.0.0.1")
class WebhookLimitsBehindAProxyTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;

    @Test
    void failedVerificationsAreChargedToTheForwardedClientNotToTheProxy() {
        data.reset();
        WebhookCalls mango = new WebhookCalls(client);
        assertEquals(401, mango.wronglySigned("198.51.100.7").code());
        assertEquals(401, mango.wronglySigned("198.51.100.7").code());
        assertEquals(429, mango.wronglySigned("198.51.100.7").code());
        // a client naming a fake first hop is still known by the address the proxy appended
        assertEquals(429, mango.wronglySigned("192.0.2.1, 198.51.100.7").code());

        assertEquals(401, mango.wronglySigned("198.51.100.8").code(), "another client behind the same proxy has its own budget");
        assertEquals(200, mango.signed("198.51.100.7").code(), "a correctly signed webhook from the limited client");
        new MangoWebhooks(client, data.db()).awaitApplied();
    }
}
