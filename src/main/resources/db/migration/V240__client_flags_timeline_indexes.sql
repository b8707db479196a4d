-- Client flags a centre works by, the erasure mark of 152-ФЗ, and one (client, time, id) index per
-- source of the client timeline, so that every page of it is a short backward index scan per source.
-- The replaced indexes keep their names: they serve the same lookups by client as before.

ALTER TABLE clients ADD COLUMN vip boolean NOT NULL DEFAULT false;
ALTER TABLE clients ADD COLUMN do_not_serve boolean NOT NULL DEFAULT false;
-- set when the client's personal data was erased on request; the row stays so that statistics add up
ALTER TABLE clients ADD COLUMN anonymised_at timestamptz;
CREATE INDEX clients_tags_idx ON clients USING gin (tags);

DROP INDEX calls_client_created_idx;
CREATE INDEX calls_client_created_idx ON calls (client_id, created_at, id);
DROP INDEX orders_client_idx;
CREATE INDEX orders_client_idx ON orders (client_id, created_at, id);
DROP INDEX conversations_client_idx;
CREATE INDEX conversations_client_idx ON conversations (client_id, created_at, id);
DROP INDEX client_notes_client_idx;
CREATE INDEX client_notes_client_idx ON client_notes (client_id, created_at, id);
CREATE INDEX callbacks_client_idx ON callbacks (client_id, created_at, id);
