\timing on
CREATE TABLE calls (
    id bigserial PRIMARY KEY, source text NOT NULL, external_id text NOT NULL, rk text, city_id bigint,
    client_phone text, ats_phone text, direction text NOT NULL, status text NOT NULL, missed_reason text,
    operator_id bigint, client_id bigint, order_id bigint, created_at timestamptz NOT NULL, answered_at timestamptz,
    ended_at timestamptz, wait_seconds integer NOT NULL DEFAULT 0, hold_seconds integer NOT NULL DEFAULT 0,
    talk_seconds integer NOT NULL DEFAULT 0, disconnect_reason text, disposition text, note text, recording_ref text,
    updated_at timestamptz NOT NULL DEFAULT now(), operator_extension text, queue text, UNIQUE (source, external_id));
-- one year: 10 M calls, 30 cities, 300 operators, 200 campaigns, 3 M clients
INSERT INTO calls (source, external_id, rk, city_id, client_phone, ats_phone, direction, status, missed_reason, operator_id,
                   client_id, created_at, answered_at, ended_at, wait_seconds, talk_seconds, operator_extension, queue)
SELECT CASE WHEN c % 2 = 0 THEN 'ami' ELSE 'mango' END, (1740000000 + c * 3)::text || '.' || c, 'RK-' || (c % 200),
       1 + c % 30, '+7916' || lpad((c % 3000000)::text, 7, '0'), '+78432507713',
       CASE WHEN c % 5 = 0 THEN 'outbound' ELSE 'inbound' END,
       CASE WHEN c % 7 = 0 THEN 'missed' ELSE 'answered' END, CASE WHEN c % 7 = 0 THEN 'abandoned' END,
       CASE WHEN c % 7 = 0 THEN NULL ELSE 1 + c % 300 END, 1 + c % 3000000, t,
       CASE WHEN c % 7 = 0 THEN NULL ELSE t + interval '15 s' END, t + interval '2 min', 15, CASE WHEN c % 7 = 0 THEN 0 ELSE 95 END,
       CASE WHEN c % 7 = 0 THEN NULL ELSE (100 + c % 300)::text END, 'kzn-avito'
FROM (SELECT c, timestamptz '2025-11-24' + make_interval(secs => c * 3.15) AS t FROM generate_series(1, 10000000) c) g;
CREATE INDEX calls_created_idx ON calls (created_at, id);
CREATE INDEX calls_operator_created_idx ON calls (operator_id, created_at, id);
CREATE INDEX calls_status_created_idx ON calls (status, created_at, id);
CREATE INDEX calls_city_created_idx ON calls (city_id, created_at, id);
CREATE INDEX calls_rk_created_idx ON calls (rk, created_at, id);
CREATE INDEX calls_client_created_idx ON calls (client_id, created_at);
CREATE INDEX calls_client_phone_idx ON calls (client_phone);
VACUUM ANALYZE calls;
SELECT count(*), pg_size_pretty(pg_relation_size('calls')) AS heap, pg_size_pretty(pg_indexes_size('calls')) AS indexes,
       round(pg_total_relation_size('calls')::numeric / count(*)) AS bytes_per_call FROM calls;
