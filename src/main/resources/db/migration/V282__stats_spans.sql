-- Dyadic spans for the keyed lists (all operators, all campaigns), so that the rows such a request
-- reads are bounded by its keys alone (issue 17 item 1: ≈ 5 000 rollup rows a request). A span of
-- level L is the 2^L local days from 1970-01-01 + k·2^L (levels 1 to 7: 2 to 128 days); any
-- range of days is at most a few days and a few aligned spans (StatsPeriod.spans): any range up to
-- a year reads at most 14 rows per key, a month 8, where days, months and edge
-- days read up to 72 and 31. Like the months, the days of a span are those of each fact's own city
-- zone, so composing them gives exactly what the days give.
--
-- The spans replace the month twins of these rollups (stats_{call,order,status}_operator_month,
-- stats_{call,order}_campaign_month), which are no longer written or read. They are not dropped
-- here: V312 (a later number, run after this one on a new database) alters two of them.

CREATE TABLE stats_call_operator_span (LIKE stats_call_operator_day INCLUDING DEFAULTS) WITH (fillfactor = 90);
ALTER TABLE stats_call_operator_span DROP COLUMN day, ADD COLUMN level smallint NOT NULL, ADD COLUMN span date NOT NULL,
    ADD PRIMARY KEY (level, span, operator_id);
-- on a new database this runs before V312 gives the call rollups (and so their LIKE copies) this measure
ALTER TABLE stats_call_operator_span ADD COLUMN IF NOT EXISTS timed bigint NOT NULL DEFAULT 0;

CREATE TABLE stats_order_operator_span (LIKE stats_order_operator_day INCLUDING DEFAULTS) WITH (fillfactor = 90);
ALTER TABLE stats_order_operator_span DROP COLUMN day, ADD COLUMN level smallint NOT NULL, ADD COLUMN span date NOT NULL,
    ADD PRIMARY KEY (level, span, operator_id);

CREATE TABLE stats_status_operator_span (LIKE stats_status_operator_day INCLUDING DEFAULTS) WITH (fillfactor = 90);
ALTER TABLE stats_status_operator_span DROP COLUMN day, ADD COLUMN level smallint NOT NULL, ADD COLUMN span date NOT NULL,
    ADD PRIMARY KEY (level, span, operator_id);

CREATE TABLE stats_call_campaign_span (LIKE stats_call_campaign_day INCLUDING DEFAULTS) WITH (fillfactor = 90);
ALTER TABLE stats_call_campaign_span DROP COLUMN day, ADD COLUMN level smallint NOT NULL, ADD COLUMN span date NOT NULL,
    ADD CONSTRAINT stats_call_campaign_span_key UNIQUE NULLS NOT DISTINCT (level, span, city_id, rk);
ALTER TABLE stats_call_campaign_span ADD COLUMN IF NOT EXISTS timed bigint NOT NULL DEFAULT 0;

CREATE TABLE stats_order_campaign_span (LIKE stats_order_campaign_day INCLUDING DEFAULTS) WITH (fillfactor = 90);
ALTER TABLE stats_order_campaign_span DROP COLUMN day, ADD COLUMN level smallint NOT NULL, ADD COLUMN span date NOT NULL,
    ADD CONSTRAINT stats_order_campaign_span_key UNIQUE NULLS NOT DISTINCT (level, span, city_id, rk);

-- The spans are filled by the rebuild at the next start (RollupSettingsCheck), as after V270.
DELETE FROM stats_rollup_settings;
