-- A notification can be withdrawn before it is sent: the reminder of a visit whose time changed.
ALTER TABLE notifications DROP CONSTRAINT notifications_state_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_state_check
    CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'cancelled'));

-- The visit each order's client was last told about (time and address): a change gives a new version,
-- a new confirmation and a new reminder; any other change of the order sends nothing.
CREATE TABLE client_visit_notices (
    order_id    bigint PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
    fingerprint text        NOT NULL,
    version     int         NOT NULL DEFAULT 1,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
