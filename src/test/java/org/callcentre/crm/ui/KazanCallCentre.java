package org.callcentre.crm.ui;

import org.callcentre.crm.testing.MangoWebhooks;
import org.callcentre.crm.testing.TestData;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the browser scenarios start from: the Kazan city, its Avito campaign on the Mango line
 * 7 843 250-77-13, operators olga (101) and pavel (102), a supervisor and an admin; and the Mango
 * call legs the scenarios ring with.
 */
final class KazanCallCentre {
    /** The Kazan campaign's number, as Mango sends it ({@code line_number}). */
    static final String COMPANY_LINE = "78432507713";
    static final String CALLER = "79161234567";

    private final MangoWebhooks mango;
    final long kazan;
    final long olga;

    KazanCallCentre(TestData data, MangoWebhooks mango) {
        this.mango = mango;
        data.reset();
        kazan = data.city("Казань", "Europe/Moscow");
        data.db().update("INSERT INTO campaigns (rk, city_id, phone_ats, source) VALUES ('avito-kzn', ?, '+78432507713', 'Avito')", kazan);
        olga = data.user("olga", "operator", kazan, "101");
        data.db().update("UPDATE operators SET name = 'Ольга Смирнова' WHERE id = ?", olga);
        data.db().update("UPDATE operators SET name = 'Павел Орлов' WHERE id = ?", data.user("pavel", "operator", kazan, "102"));
        data.user("boss", "supervisor", null, null);
        data.user("admin", "admin", null, null);
    }

    /** Mango's {@code Appeared} leg of an inbound call to the Kazan number: on an extension it rings that operator, without one it waits in the IVR. */
    void ring(String entryId, String extension) {
        assertEquals(200, mango.post("events/call", leg(entryId, "Appeared", extension, 1, "")));
    }

    /** Mango's {@code Connected} for the leg {@link #ring} opened on an extension: the operator picked up. */
    void answer(String entryId, String extension) {
        assertEquals(200, mango.post("events/call", leg(entryId, "Connected", extension, 2, "")));
    }

    /** Mango's {@code Disconnected} after {@link #answer}: the answered call ends normally. */
    void hangUpAnswered(String entryId, String extension) {
        assertEquals(200, mango.post("events/call", leg(entryId, "Disconnected", extension, 3, ",\"disconnect_reason\":1100")));
    }

    /** Mango's {@code Disconnected} for the leg {@link #ring} opened: the call ends missed, nothing is left ringing. */
    void hangUp(String entryId, String extension) {
        assertEquals(200, mango.post("events/call", leg(entryId, "Disconnected", extension, 2, ",\"disconnect_reason\":1110")));
    }

    private static String leg(String entryId, String state, String extension, int seq, String extra) {
        String to = extension == null
                ? "{\"number\":\"" + COMPANY_LINE + "\",\"line_number\":\"" + COMPANY_LINE + "\"}"
                : "{\"extension\":\"" + extension + "\",\"number\":\"sip:" + extension + "@vpbx.mangosip.ru\",\"line_number\":\"" + COMPANY_LINE + "\"}";
        return """
                {"entry_id":"%s","call_id":"%s-leg","timestamp":%d,"seq":%d,"call_state":"%s","location":"%s",\
                "from":{"number":"%s"},"to":%s%s}""".formatted(entryId, entryId, Instant.now().getEpochSecond(), seq, state,
                extension == null ? "ivr" : "abonent", CALLER, to, extra);
    }
}
