package org.callcentre.crm.telephony.sip;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

@MicronautTest(transactional = false)
@Property(name = "crm.sip.enabled", value = "false")
class SipLineChecksSwitchedOffTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    @Inject
    SipLineChecks checks;

    @Test
    void nothingIsProbedAndAProbeRequestIs409() {
        data.reset();
        data.user("boss", "admin", null, null);
        Api admin = new Api(client).login("boss", TestData.PASSWORD);
        Api.Reply created = admin.post("/api/sip-lines", Map.of("name", "Trunk", "host", "pbx.example.com", "transport", "tls"));
        long id = ((Number) created.data().get("id")).longValue();

        Api.Reply probe = admin.post("/api/sip-lines/" + id + "/probe", Map.of());
        assertEquals(409, probe.status(), probe.toString());
        checks.probeEnabledLines();
        assertEquals(0, data.count("sip_line_status"));
        assertEquals("unknown", admin.get("/api/sip-lines/" + id + "/status").data().get("state"));
    }
}
