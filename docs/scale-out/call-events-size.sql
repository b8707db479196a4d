\timing on
CREATE TABLE call_events (
    id          bigserial PRIMARY KEY,
    source      text        NOT NULL,
    call_key    text        NOT NULL,
    event_id    text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    payload     jsonb       NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (source, event_id)
);
CREATE INDEX call_events_call_idx ON call_events (source, call_key);
-- 500 000 calls of 12 events each, keyed as Asterisk keys them (Linkedid = epoch.seq, Uniqueid:Event)
INSERT INTO call_events (source, call_key, event_id, occurred_at, payload)
SELECT 'ami', k, k || '.' || e || ':' || kind, t, jsonb_build_object(
         'source', 'ami', 'callKey', k, 'eventId', k || '.' || e || ':' || kind, 'legId', k || '.' || (e % 3),
         'sequence', 0, 'occurredAt', t, 'kind', kind, 'direction', 'inbound', 'callerNumber', '+7916' || lpad((c % 10000000)::text, 7, '0'),
         'calledNumber', '+78432507713', 'extension', (100 + c % 300)::text, 'companyNumber', '+78432507713',
         'waitSeconds', null, 'talkSeconds', null, 'ending', null, 'queue', 'kzn-avito', 'recordingRef', null)
FROM (SELECT c, (1740000000 + c * 6)::text || '.' || c AS k, e,
             (ARRAY['STARTED','RINGING','RINGING','ANSWERED','HELD','UNHELD','ANSWERED','ENDED','ENDED','ENDED','RINGING','ENDED'])[e] AS kind,
             timestamptz '2025-01-01' + make_interval(secs => c * 6 + e * 5) AS t
      FROM generate_series(1, 500000) c, generate_series(1, 12) e) g;
ANALYZE call_events;
SELECT count(*) AS rows,
       pg_size_pretty(pg_relation_size('call_events')) AS heap,
       pg_size_pretty(pg_total_relation_size('call_events') - pg_relation_size('call_events') - pg_indexes_size('call_events')) AS toast,
       pg_size_pretty(pg_relation_size('call_events_pkey')) AS pkey,
       pg_size_pretty(pg_relation_size('call_events_source_event_id_key')) AS event_id_key,
       pg_size_pretty(pg_relation_size('call_events_call_idx')) AS call_idx,
       round(pg_total_relation_size('call_events')::numeric / count(*)) AS bytes_per_event,
       round(avg(pg_column_size(payload))) AS payload_bytes
FROM call_events;
