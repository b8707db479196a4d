-- Coarser rollups, so that the rows a statistics request reads are bounded whatever its range
-- (issue 17 item 1). A range is read as its head days, its whole calendar months and its tail days
-- (StatsPeriod.pieces): at most about 61 day rows and one row a month per key, instead of a row a
-- day per key. Months, like days, are those of each fact's own city zone (a fact's month is the
-- month of its local day), so composing them gives exactly what the days give.
--
-- * *_centre_*: the whole centre under one key (overall by day, the KPI of every city by hour);
-- * *_city_day / *_city_month: the cities list, 30 rows a day instead of one per campaign;
-- * *_month twins of the day and hour rollups (operators, campaigns, cities, the KPI hours).
--
-- Each twin is created LIKE the table it coarsens, so its measures are the same columns.

CREATE TABLE stats_call_centre_day (LIKE stats_call_campaign_day INCLUDING DEFAULTS) WITH (fillfactor = 90);
ALTER TABLE stats_call_centre_day DROP COLUMN city_id, DROP COLUMN rk, ADD PRIMARY KEY (day);

CREATE TABLE stats_call_city_day (LIKE stats_call_campaign_day INCLUDING DEFAULTS) WITH (fillfactor = 90);
ALTER TABLE stats_call_city_day DROP COLUMN rk, ADD CONSTRAINT stats_call_city_day_key UNIQUE NULLS NOT DISTINCT (city_id, day);
CREATE INDEX stats_call_city_day_day_idx ON stats_call_city_day (day);

CREATE TABLE stats_call_city_month (LIKE stats_call_city_day INCLUDING DEFAULTS) WITH (fillfactor = 90);
ALTER TABLE stats_call_city_month RENAME day TO month;
ALTER TABLE stats_call_city_month ADD CONSTRAINT stats_call_city_month_key UNIQUE NULLS NOT DISTINCT (city_id, month);
CREATE INDEX stats_call_city_month_month_idx ON stats_call_city_month (month);

CREATE TABLE stats_call_campaign_month (LIKE stats_call_campaign_day INCLUDING DEFAULTS) WITH (fillfactor = 90);
ALTER TABLE stats_call_campaign_month RENAME day TO month;
ALTER TABLE stats_call_campaign_month ADD CONSTRAINT stats_call_campaign_month_key UNIQUE NULLS NOT DISTINCT (city_id, rk, month);
CREATE INDEX stats_call_campaign_month_month_idx ON stats_call_campaign_month (month);

CREATE TABLE stats_call_operator_month (LIKE stats_call_operator_day INCLUDING DEFAULTS) WITH (fillfactor = 90);
ALTER TABLE stats_call_operator_month RENAME day TO month;
ALTER TABLE stats_call_operator_month ADD PRIMARY KEY (operator_id, month);
CREATE INDEX stats_call_operator_month_month_idx ON stats_call_operator_month (month);

CREATE TABLE stats_call_centre_hour (LIKE stats_call_city_hour INCLUDING DEFAULTS) WITH (fillfactor = 90);
ALTER TABLE stats_call_centre_hour DROP COLUMN city_id, ADD PRIMARY KEY (day, hour);

CREATE TABLE stats_call_centre_month_hour (LIKE stats_call_centre_hour INCLUDING DEFAULTS) WITH (fillfactor = 90);
ALTER TABLE stats_call_centre_month_hour RENAME day TO month;
ALTER TABLE stats_call_centre_month_hour ADD PRIMARY KEY (month, hour);

CREATE TABLE stats_call_city_month_hour (LIKE stats_call_city_hour INCLUDING DEFAULTS) WITH (fillfactor = 90);
ALTER TABLE stats_call_city_month_hour RENAME day TO month;
ALTER TABLE stats_call_city_month_hour ADD CONSTRAINT stats_call_city_month_hour_key UNIQUE NULLS NOT DISTINCT (city_id, month, hour);
CREATE INDEX stats_call_city_month_hour_month_idx ON stats_call_city_month_hour (month);

CREATE TABLE stats_call_campaign_month_hour (LIKE stats_call_campaign_hour INCLUDING DEFAULTS) WITH (fillfactor = 90);
ALTER TABLE stats_call_campaign_month_hour RENAME day TO month;
ALTER TABLE stats_call_campaign_month_hour
    ADD CONSTRAINT stats_call_campaign_month_hour_key UNIQUE NULLS NOT DISTINCT (city_id, rk, month, hour);
CREATE INDEX stats_call_campaign_month_hour_rk_idx ON stats_call_campaign_month_hour (rk, month);

CREATE TABLE stats_order_centre_day (LIKE stats_order_campaign_day INCLUDING DEFAULTS) WITH (fillfactor = 90);
ALTER TABLE stats_order_centre_day DROP COLUMN city_id, DROP COLUMN rk, ADD PRIMARY KEY (day);

CREATE TABLE stats_order_city_day (LIKE stats_order_campaign_day INCLUDING DEFAULTS) WITH (fillfactor = 90);
ALTER TABLE stats_order_city_day DROP COLUMN rk, ADD PRIMARY KEY (city_id, day);
CREATE INDEX stats_order_city_day_day_idx ON stats_order_city_day (day);

CREATE TABLE stats_order_city_month (LIKE stats_order_city_day INCLUDING DEFAULTS) WITH (fillfactor = 90);
ALTER TABLE stats_order_city_month RENAME day TO month;
ALTER TABLE stats_order_city_month ADD PRIMARY KEY (city_id, month);
CREATE INDEX stats_order_city_month_month_idx ON stats_order_city_month (month);

CREATE TABLE stats_order_campaign_month (LIKE stats_order_campaign_day INCLUDING DEFAULTS) WITH (fillfactor = 90);
ALTER TABLE stats_order_campaign_month RENAME day TO month;
ALTER TABLE stats_order_campaign_month ADD CONSTRAINT stats_order_campaign_month_key UNIQUE NULLS NOT DISTINCT (city_id, rk, month);
CREATE INDEX stats_order_campaign_month_month_idx ON stats_order_campaign_month (month);

CREATE TABLE stats_order_operator_month (LIKE stats_order_operator_day INCLUDING DEFAULTS) WITH (fillfactor = 90);
ALTER TABLE stats_order_operator_month RENAME day TO month;
ALTER TABLE stats_order_operator_month ADD PRIMARY KEY (operator_id, month);
CREATE INDEX stats_order_operator_month_month_idx ON stats_order_operator_month (month);

CREATE TABLE stats_status_operator_month (LIKE stats_status_operator_day INCLUDING DEFAULTS) WITH (fillfactor = 90);
ALTER TABLE stats_status_operator_month RENAME day TO month;
ALTER TABLE stats_status_operator_month ADD PRIMARY KEY (operator_id, month);
CREATE INDEX stats_status_operator_month_month_idx ON stats_status_operator_month (month);

CREATE TABLE stats_status_centre_hour (LIKE stats_status_city_hour INCLUDING DEFAULTS) WITH (fillfactor = 90);
ALTER TABLE stats_status_centre_hour DROP COLUMN city_id, ADD PRIMARY KEY (day, hour);

CREATE TABLE stats_status_centre_month_hour (LIKE stats_status_centre_hour INCLUDING DEFAULTS) WITH (fillfactor = 90);
ALTER TABLE stats_status_centre_month_hour RENAME day TO month;
ALTER TABLE stats_status_centre_month_hour ADD PRIMARY KEY (month, hour);

CREATE TABLE stats_status_city_month_hour (LIKE stats_status_city_hour INCLUDING DEFAULTS) WITH (fillfactor = 90);
ALTER TABLE stats_status_city_month_hour RENAME day TO month;
ALTER TABLE stats_status_city_month_hour ADD CONSTRAINT stats_status_city_month_hour_key UNIQUE NULLS NOT DISTINCT (city_id, month, hour);
CREATE INDEX stats_status_city_month_hour_month_idx ON stats_status_city_month_hour (month);

-- The new rollups are filled by the rebuild at the next start (RollupSettingsCheck), as after V100.
DELETE FROM stats_rollup_settings;
