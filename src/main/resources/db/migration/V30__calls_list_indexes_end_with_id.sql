-- The calls list chooses its page of ids from one of these indexes alone (an index-only scan) and
-- only then reads the rows shown. Ending each index with id covers the list's whole order
-- (created_at DESC, id DESC) and its result, so no heap page is read for rows that are not shown.
--
-- Without id in the index, PostgreSQL reads a filtered month through calls_created_idx and discards
-- the other operators', statuses' or cities' calls: it costs a multi-column index by the physical
-- order of its first column, and calls are written in time order, not operator order.
DROP INDEX calls_created_idx;
CREATE INDEX calls_created_idx ON calls (created_at, id);
DROP INDEX calls_operator_created_idx;
CREATE INDEX calls_operator_created_idx ON calls (operator_id, created_at, id);
DROP INDEX calls_status_created_idx;
CREATE INDEX calls_status_created_idx ON calls (status, created_at, id);
DROP INDEX calls_city_created_idx;
CREATE INDEX calls_city_created_idx ON calls (city_id, created_at, id);
DROP INDEX calls_rk_created_idx;
CREATE INDEX calls_rk_created_idx ON calls (rk, created_at, id);
