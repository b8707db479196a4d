-- Cities whose calls and orders are owed a recount in their new time zone (issue 17 item 1): written
-- in the transaction that changes the zone, deleted when the online recount (RollupRecount) is done,
-- so a recount cut short by a stop is taken up at the next start.
CREATE TABLE stats_rollup_recounts (
    city_id      bigint      PRIMARY KEY REFERENCES cities (id) ON DELETE CASCADE,
    requested_at timestamptz NOT NULL
);
