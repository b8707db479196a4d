-- call_events partitioned by month on occurred_at (issue 17 item 3): at tens of millions of calls the
-- event log is by far the largest table (≈ 8 KB a call, docs/scale-out.md) and only its last days
-- are read, so old months are dropped whole (CallEventPartitions) instead of DELETEd row by row.
-- A unique key of a partitioned table must hold the partition key: an event is now one per
-- (source, event id, time); a redelivery carries the time it was first sent with.
-- calls stays one table: its ON CONFLICT and the foreign keys to it could not span partitions keyed
-- by a time that late events move.
ALTER TABLE call_events RENAME TO call_events_unpartitioned;
ALTER TABLE call_events_unpartitioned RENAME CONSTRAINT call_events_pkey TO call_events_unpartitioned_pkey;
ALTER TABLE call_events_unpartitioned RENAME CONSTRAINT call_events_source_event_id_key TO call_events_unpartitioned_source_event_id_key;
ALTER INDEX call_events_call_idx RENAME TO call_events_unpartitioned_call_idx;
ALTER SEQUENCE call_events_id_seq OWNED BY NONE;

CREATE TABLE call_events (
    id          bigint      NOT NULL DEFAULT nextval('call_events_id_seq'),
    source      text        NOT NULL,
    call_key    text        NOT NULL,
    event_id    text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    payload     jsonb       NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id, occurred_at),
    UNIQUE (source, event_id, occurred_at)
) PARTITION BY RANGE (occurred_at);
ALTER SEQUENCE call_events_id_seq OWNED BY call_events.id;
CREATE INDEX call_events_call_idx ON call_events (source, call_key);
-- events of no month partition (far past or future): kept, never lost; maintenance keeps months ahead
CREATE TABLE call_events_default PARTITION OF call_events DEFAULT;

-- a partition for every month that holds events, and for this month and the next two
DO $$
DECLARE
    m date;
BEGIN
    FOR m IN
        SELECT DISTINCT date_trunc('month', occurred_at AT TIME ZONE 'UTC')::date FROM call_events_unpartitioned
        UNION SELECT (date_trunc('month', now() AT TIME ZONE 'UTC') + n * interval '1 month')::date FROM generate_series(0, 2) n
    LOOP
        EXECUTE format('CREATE TABLE call_events_%s PARTITION OF call_events FOR VALUES FROM (%L) TO (%L)',
                       to_char(m, 'YYYYMM'), m::timestamp AT TIME ZONE 'UTC', (m + interval '1 month')::timestamp AT TIME ZONE 'UTC');
    END LOOP;
END $$;

INSERT INTO call_events (id, source, call_key, event_id, occurred_at, payload, received_at)
SELECT id, source, call_key, event_id, occurred_at, payload, received_at FROM call_events_unpartitioned;
DROP TABLE call_events_unpartitioned;

-- The months dropped by retention end here: an event older than this is not stored again, so a late
-- redelivery cannot re-derive a finished call from that one event (its others are gone).
CREATE TABLE call_events_horizon (
    only_row boolean     PRIMARY KEY DEFAULT true CHECK (only_row),
    kept_from timestamptz NOT NULL
);
