-- Runs after every migration run (a Flyway callback). Month rollups that nothing reads or writes any more
-- (replaced by the spans of V282 and V283), which no numbered migration can drop: V312 alters them, and on a new
-- database it runs after any number in the statistics range (V283–V299). A no-op once they are gone.
DROP TABLE IF EXISTS stats_call_operator_month, stats_call_campaign_month, stats_call_disposition_month;
