package org.callcentre.crm.stats;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rollups are filled from existing rows by migration V81, and built again at start when they
 * were built with settings other than the configured ones (emptied before the service listens, counted
 * online after).
 */
@MicronautTest(transactional = false)
class RollupBackfillTest {
    @Inject
    TestData data;
    @Inject
    RollupSettingsCheck check;
    @Inject
    StatsSettings settings;
    @Inject
    RollupRecount recount;

    @BeforeEach
    void setUp() {
        data.reset();
    }

    @Test
    void migrationV81IsTheBackfill() {
        assertEquals(List.of(Map.of("description", "backfill stats rollups", "success", true)),
                new RowFigures(data.db()).rows("SELECT description, success FROM flyway_schema_history WHERE version = '81'"));
    }

    @Test
    void rollupsBuiltWithOtherSettingsAreRebuiltAtStart() {
        long moscow = data.city("Москва", "Europe/Moscow");
        data.db().update("INSERT INTO calls (source, external_id, city_id, direction, status, created_at, wait_seconds) "
                + "VALUES ('ami', 'loaded-around-the-app', ?, 'inbound', 'answered', '2025-03-10T09:00:00Z', 15)", moscow);
        data.db().update("INSERT INTO stats_rollup_settings (default_timezone, service_level_seconds, short_abandon_seconds) "
                + "VALUES ('Europe/Moscow', 10, 5)");
        assertEquals(0, data.count("stats_call_campaign_day"), "rows written around the application are not counted yet");

        check.onStartup(null);
        RecountsDone.await(recount);

        assertEquals(List.of(Map.of("inbound", 1L, "answered_within_sl", 1L)), new RowFigures(data.db()).rows(
                "SELECT inbound, answered_within_sl FROM stats_call_campaign_day WHERE day = '2025-03-10'"));
        assertEquals(List.of(Map.of("default_timezone", settings.defaultZone().getId(), "service_level_seconds", 20,
                "short_abandon_seconds", 5)), new RowFigures(data.db()).rows(
                "SELECT default_timezone, service_level_seconds, short_abandon_seconds FROM stats_rollup_settings"));

        data.db().update("INSERT INTO calls (source, external_id, city_id, direction, status, created_at) "
                + "VALUES ('ami', 'loaded-later', ?, 'inbound', 'missed', '2025-03-10T10:00:00Z')", moscow);
        check.onStartup(null);
        RecountsDone.await(recount);
        assertTrue(data.count("stats_call_facts WHERE call_id = (SELECT id FROM calls WHERE external_id = 'loaded-later')") == 0,
                "settings unchanged: nothing is rebuilt");
    }
}
