-- The Avito ad a tracked call came from, as Avito describes it (GET /core/v1/accounts/{user_id}/items/{item_id}/), read
-- when the call tracking is read: the call page shows it. The call page finds its tracked call by call_id.
ALTER TABLE avito_tracked_calls
    ADD COLUMN item_title text,
    ADD COLUMN item_url   text;
CREATE INDEX avito_tracked_calls_call_idx ON avito_tracked_calls (call_id) WHERE call_id IS NOT NULL;
