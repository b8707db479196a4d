package org.callcentre.crm.campaigns;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

@MicronautTest(transactional = false)
class CampaignDirectoryTest {
    @Inject
    TestData data;
    @Inject
    CampaignDirectory directory;
    long kazan;

    @BeforeEach
    void setUp() {
        data.reset();
        kazan = data.city("Казань", "Europe/Moscow");
        data.db().update("INSERT INTO campaigns (rk, city_id, phone_ats, source) VALUES ('RK-1', ?, '+78432000001', 'avito')", kazan);
    }

    @Test
    void aDialledNumberFindsItsCampaignAndCity() {
        assertEquals(Optional.of(new CampaignMatch("RK-1", kazan, "Казань", "avito")), directory.findByPhoneAts("+78432000001"));
    }

    @Test
    void aPbxSpellingOfTheNumberFindsItToo() {
        assertEquals("RK-1", directory.findByPhoneAts("78432000001").map(CampaignMatch::rk).orElseThrow());
    }

    @Test
    void anUnknownOrUnreadableNumberFindsNothing() {
        assertEquals(Optional.empty(), directory.findByPhoneAts("+78432000002"));
        assertEquals(Optional.empty(), directory.findByPhoneAts("anonymous"));
        assertEquals(Optional.empty(), directory.findByPhoneAts(null));
    }
}
