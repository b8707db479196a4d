-- A missed inbound call asks for a call back. One open task per client, however often they call;
-- it closes by itself when a later call with that client is answered.
CREATE TABLE callbacks (
    id                bigserial PRIMARY KEY,
    client_id         bigint      NOT NULL REFERENCES clients (id),
    phone             text        NOT NULL,
    city_id           bigint REFERENCES cities (id),
    status            text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
    missed_count      integer     NOT NULL DEFAULT 0,
    first_missed_at   timestamptz NOT NULL,
    last_missed_at    timestamptz NOT NULL,
    last_call_id      bigint REFERENCES calls (id),
    note              text,
    operator_id       bigint REFERENCES operators (id),
    closed_at         timestamptz,
    closed_by_call_id bigint REFERENCES calls (id),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX callbacks_one_open_per_client ON callbacks (client_id) WHERE status IN ('open', 'in_progress');
CREATE INDEX callbacks_status_created_idx ON callbacks (status, last_missed_at);
CREATE INDEX callbacks_city_status_idx ON callbacks (city_id, status, last_missed_at);

-- Which missed calls a task already counts: a call reported again adds nothing.
CREATE TABLE callback_calls (
    call_id     bigint PRIMARY KEY REFERENCES calls (id),
    callback_id bigint NOT NULL REFERENCES callbacks (id) ON DELETE CASCADE
);
