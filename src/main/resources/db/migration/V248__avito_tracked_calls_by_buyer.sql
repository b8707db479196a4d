-- The screen-pop shows the Avito ad the caller's number last called from, as Avito's call tracking
-- reported it: the latest described report of the number, read while the phone rings.
CREATE INDEX avito_tracked_calls_buyer_idx ON avito_tracked_calls (buyer_phone, call_time DESC, id DESC)
    WHERE item_id IS NOT NULL;
