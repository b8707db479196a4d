package org.callcentre.crm.telephony.ami;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How an outage is dated and explained. */
class AmiOutageWatchTest {
    static final Instant T = Instant.parse("2025-03-01T09:00:00Z");

    final AmiOutageWatch watch = new AmiOutageWatch(Duration.ofSeconds(20));

    @Test
    void theFirstLoginEndsNoOutage() {
        assertEquals(Optional.empty(), watch.loggedIn(T));
    }

    @Test
    void aDropIsDatedFromTheLastThingHeardUntilTheNextLogin() {
        watch.loggedIn(T);
        watch.heard(T.plusSeconds(30));
        watch.lost(T.plusSeconds(31));
        assertEquals(Optional.of(T.plusSeconds(30)), watch.deafSince());

        assertEquals(Optional.of(new AmiOutage(T.plusSeconds(30), T.plusSeconds(40), "connection closed")), watch.loggedIn(T.plusSeconds(40)));
        assertEquals(Optional.empty(), watch.deafSince());
        assertEquals(Optional.empty(), watch.loggedIn(T.plusSeconds(50)), "one outage is ended once");
    }

    @Test
    void aConnectionCutForSilenceSaysHowLongNothingWasHeard() {
        watch.loggedIn(T);
        watch.lost(T.plusSeconds(60));
        AmiOutage outage = watch.loggedIn(T.plusSeconds(65)).orElseThrow();
        assertEquals(T, outage.start());
        assertTrue(outage.reason().contains("nothing heard for 60 s"), outage.reason());
    }

    @Test
    void aSecondDisconnectBeforeTheLoginKeepsTheFirstStart() {
        watch.loggedIn(T);
        watch.lost(T.plusSeconds(1));
        watch.lost(T.plusSeconds(9));
        assertEquals(T, watch.loggedIn(T.plusSeconds(10)).orElseThrow().start());
    }
}
