package org.callcentre.crm.stats;

import org.callcentre.crm.testing.MangoWebhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Posts Mango {@code events/call} webhooks for the legs of one inbound call to the Kazan campaign
 * number (see {@code ScenarioRows}): a leg without an extension is the IVR's, one with an
 * extension rings that operator.
 */
final class MangoLegs {
    private final MangoWebhooks mango;
    private final String entryId;

    MangoLegs(MangoWebhooks mango, String entryId) {
        this.mango = mango;
        this.entryId = entryId;
    }

    void post(String leg, long timestamp, int seq, String state, String extension) {
        String to = extension == null ? "{\"number\":\"78432507713\",\"line_number\":\"78432507713\"}"
                : "{\"extension\":\"" + extension + "\",\"number\":\"sip:" + extension + "@vpbx.mangosip.ru\","
                + "\"line_number\":\"78432507713\"}";
        assertEquals(200, mango.post("events/call", """
                {"entry_id":"%s","call_id":"%s","timestamp":%d,"seq":%d,"call_state":"%s","location":"%s",\
                "from":{"number":"79161234567"},"to":%s%s}""".formatted(entryId, leg, timestamp, seq, state,
                extension == null ? "ivr" : "abonent", to, "Disconnected".equals(state) ? ",\"disconnect_reason\":1110" : "")));
    }
}
