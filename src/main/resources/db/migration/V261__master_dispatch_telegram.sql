-- Where a master gets job cards: an e-mail address and a Telegram chat, linked through a one-time code
-- the master sends to the bot. awaiting_amounts_order_id: the master pressed "done" and the bot waits for
-- the amounts.
CREATE TABLE master_contacts (
    master_id                 bigint PRIMARY KEY REFERENCES masters (id) ON DELETE CASCADE,
    email                     text,
    telegram_chat_id          bigint UNIQUE,
    telegram_linked_at        timestamptz,
    link_code                 text UNIQUE,
    link_code_expires_at      timestamptz,
    awaiting_amounts_order_id bigint REFERENCES orders (id) ON DELETE SET NULL,
    updated_at                timestamptz NOT NULL DEFAULT now()
);

-- The last job card each order's master was sent: a change of master, time or address gives a new
-- fingerprint and a new card; any other change of the order sends nothing.
CREATE TABLE order_dispatches (
    order_id    bigint PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
    master_id   bigint      NOT NULL REFERENCES masters (id) ON DELETE CASCADE,
    fingerprint text        NOT NULL,
    version     int         NOT NULL DEFAULT 1,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_dispatches_master_idx ON order_dispatches (master_id, updated_at DESC);

-- Telegram updates already handled: a webhook delivered twice or a poll repeated after a crash is
-- handled once; the next getUpdates offset is the highest id + 1.
CREATE TABLE telegram_updates (
    update_id   bigint PRIMARY KEY,
    received_at timestamptz NOT NULL DEFAULT now()
);
