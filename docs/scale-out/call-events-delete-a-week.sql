-- What archiving by DELETE costs without partitions: a week of events (1.2 M rows here), rolled back.
\timing on
SELECT count(*) FROM call_events WHERE occurred_at < '2025-01-08';
BEGIN;
DELETE FROM call_events WHERE occurred_at < '2025-01-08';
ROLLBACK;
