EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id FROM calls WHERE source = 'ami' AND external_id = (1740000000 + 7654322 * 3)::text || '.7654322';
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id FROM calls WHERE source = 'mango' AND external_id = (1740000000 + 123457 * 3)::text || '.123457';
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id, created_at FROM calls ORDER BY created_at DESC, id DESC LIMIT 50;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id, created_at FROM calls WHERE operator_id = 77 AND created_at >= '2026-03-01' AND created_at < '2026-04-01' ORDER BY created_at DESC, id DESC LIMIT 50;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id, created_at FROM calls WHERE city_id = 7 AND created_at >= '2026-03-01' AND created_at < '2026-04-01' ORDER BY created_at DESC, id DESC LIMIT 50 OFFSET 5000;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM calls WHERE created_at >= '2026-03-01' AND created_at < '2026-03-02';
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id FROM calls WHERE client_phone = '+79160123457' ORDER BY created_at DESC LIMIT 20;
