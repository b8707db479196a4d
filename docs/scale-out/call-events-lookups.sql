
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT 1 FROM call_events WHERE source = 'ami' AND event_id = '1740000000.' || '0' ;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT payload FROM call_events WHERE source = 'ami' AND call_key = (1740000000 + 371233 * 6)::text || '.371233' ORDER BY occurred_at, id;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) INSERT INTO call_events (source, call_key, event_id, occurred_at, payload) VALUES ('ami', 'x', (1740000000 + 123457 * 6)::text || '.123457.3:RINGING', now(), '{}') ON CONFLICT (source, event_id) DO NOTHING;
