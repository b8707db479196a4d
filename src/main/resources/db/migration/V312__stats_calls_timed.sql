-- Handled calls whose talk is known (issue 14 item 13): a call that ended while the AMI link was down,
-- with no CDR to tell its end, has talk and hold NULL (V311). It is still a handled call, but averages
-- of talk, hold and handling time divide by the calls that were timed, so it neither adds 0 s nor
-- dilutes them. Every call rollup carries every call measure (stats.FactKind).
ALTER TABLE stats_call_facts ADD COLUMN timed integer NOT NULL DEFAULT 0;
ALTER TABLE stats_call_operator_day ADD COLUMN timed bigint NOT NULL DEFAULT 0;
ALTER TABLE stats_call_campaign_day ADD COLUMN timed bigint NOT NULL DEFAULT 0;
ALTER TABLE stats_call_campaign_hour ADD COLUMN timed bigint NOT NULL DEFAULT 0;
ALTER TABLE stats_call_city_hour ADD COLUMN timed bigint NOT NULL DEFAULT 0;
ALTER TABLE stats_call_centre_day ADD COLUMN timed bigint NOT NULL DEFAULT 0;
ALTER TABLE stats_call_city_day ADD COLUMN timed bigint NOT NULL DEFAULT 0;
ALTER TABLE stats_call_city_month ADD COLUMN timed bigint NOT NULL DEFAULT 0;
ALTER TABLE stats_call_campaign_month ADD COLUMN timed bigint NOT NULL DEFAULT 0;
ALTER TABLE stats_call_operator_month ADD COLUMN timed bigint NOT NULL DEFAULT 0;
ALTER TABLE stats_call_centre_hour ADD COLUMN timed bigint NOT NULL DEFAULT 0;
ALTER TABLE stats_call_centre_month_hour ADD COLUMN timed bigint NOT NULL DEFAULT 0;
ALTER TABLE stats_call_city_month_hour ADD COLUMN timed bigint NOT NULL DEFAULT 0;
ALTER TABLE stats_call_campaign_month_hour ADD COLUMN timed bigint NOT NULL DEFAULT 0;
ALTER TABLE stats_call_disposition_day ADD COLUMN timed bigint NOT NULL DEFAULT 0;
ALTER TABLE stats_call_disposition_month ADD COLUMN timed bigint NOT NULL DEFAULT 0;

-- the facts gain a measure: the application rebuilds every rollup before it serves (stats.RollupSettingsCheck)
DELETE FROM stats_rollup_settings;
