-- Every domain call event ever accepted, once: the calls row is re-derived from these, so a
-- redelivered or late event can neither duplicate nor reorder anything.
CREATE TABLE call_events (
    id          bigserial PRIMARY KEY,
    source      text        NOT NULL,
    call_key    text        NOT NULL,
    event_id    text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    payload     jsonb       NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (source, event_id)
);
CREATE INDEX call_events_call_idx ON call_events (source, call_key);

-- Webhook bodies are stored here before the PBX gets its 200: an acknowledged event survives a
-- crash and is applied by the inbox worker, now or after the restart.
CREATE TABLE telephony_inbox (
    id           bigserial PRIMARY KEY,
    source       text        NOT NULL,
    event_type   text        NOT NULL,
    payload      text        NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    processed_at timestamptz,
    attempts     integer     NOT NULL DEFAULT 0,
    last_error   text
);
CREATE INDEX telephony_inbox_pending_idx ON telephony_inbox (id) WHERE processed_at IS NULL;

ALTER TABLE calls ADD COLUMN operator_extension text;
ALTER TABLE calls ADD COLUMN queue text;
