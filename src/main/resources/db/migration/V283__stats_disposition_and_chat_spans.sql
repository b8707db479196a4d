-- The lists of every disposition and of every operator's chats read aligned spans too (as the operator and
-- campaign lists do since V282): at most 14 rows per key for any range up to a year, where head days, months
-- and tail days read up to 72 (issue 17 item 1: ≈ 5 000 rollup rows a request).
CREATE TABLE stats_call_disposition_span (LIKE stats_call_disposition_day INCLUDING DEFAULTS) WITH (fillfactor = 90);
ALTER TABLE stats_call_disposition_span DROP COLUMN day, ADD COLUMN level smallint NOT NULL, ADD COLUMN span date NOT NULL,
    ADD CONSTRAINT stats_call_disposition_span_key UNIQUE NULLS NOT DISTINCT (level, span, city_id, disposition_id);
-- on a new database this runs before V312 gives the call rollups (and so their LIKE copies) this measure
ALTER TABLE stats_call_disposition_span ADD COLUMN IF NOT EXISTS timed bigint NOT NULL DEFAULT 0;

CREATE TABLE stats_chat_operator_span (LIKE stats_chat_operator_day INCLUDING DEFAULTS) WITH (fillfactor = 90);
ALTER TABLE stats_chat_operator_span DROP COLUMN day, ADD COLUMN level smallint NOT NULL, ADD COLUMN span date NOT NULL,
    ADD PRIMARY KEY (level, span, operator_id);

-- Month rollups nothing reads or writes any more: the operator and campaign months of V270 (replaced by the spans
-- of V282) and the chat operator months (replaced above). The call operator, call campaign and disposition months
-- are dropped by afterMigrate.sql instead: V312, numbered later, alters them, and on a new database runs after this.
DROP TABLE IF EXISTS stats_order_operator_month, stats_order_campaign_month, stats_status_operator_month,
    stats_chat_operator_month;

-- The new spans are filled by the rebuild at the next start (RollupSettingsCheck), as after V282.
DELETE FROM stats_rollup_settings;
