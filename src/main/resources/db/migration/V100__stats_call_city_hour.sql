-- Calls by city and local hour, for the KPI of a city or of every city (no campaign asked). Read from
-- stats_call_campaign_hour, a month of every city is one row per campaign, day and hour (about
-- 116 000 rows at 10 million calls a year, ~90 ms); from this table it is one row per city, day
-- and hour (21 600), and a month of one city 720 rows.
CREATE TABLE stats_call_city_hour (
    city_id             bigint,
    day                 date     NOT NULL,
    hour                smallint NOT NULL,
    inbound             bigint   NOT NULL DEFAULT 0,
    answered            bigint   NOT NULL DEFAULT 0,
    outbound            bigint   NOT NULL DEFAULT 0,
    outbound_answered   bigint   NOT NULL DEFAULT 0,
    wait_answered       bigint   NOT NULL DEFAULT 0,
    answered_within_sl  bigint   NOT NULL DEFAULT 0,
    abandoned           bigint   NOT NULL DEFAULT 0,
    abandoned_short     bigint   NOT NULL DEFAULT 0,
    abandoned_within_sl bigint   NOT NULL DEFAULT 0,
    talk                bigint   NOT NULL DEFAULT 0,
    hold                bigint   NOT NULL DEFAULT 0,
    CONSTRAINT stats_call_city_hour_key UNIQUE NULLS NOT DISTINCT (city_id, day, hour)
) WITH (fillfactor = 90);
CREATE INDEX stats_call_city_hour_day_idx ON stats_call_city_hour (day);

-- The new rollup is filled when the application next starts: it rebuilds every rollup when it does
-- not know the settings they were built with (RollupSettingsCheck).
DELETE FROM stats_rollup_settings;
