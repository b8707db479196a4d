-- Tasks and scheduled call-backs (issue 15): something to do by a time, for one operator or for
-- whoever works in a city. The reminder is an 'operator' row of the notifications outbox, due at the
-- task's time and claimed by one node; reminded_at is set once, by the claim that fires it, so a task
-- reminds at most once per due time however many nodes run.
CREATE TABLE tasks (
    id               bigserial PRIMARY KEY,
    kind             text        NOT NULL DEFAULT 'task' CHECK (kind IN ('task', 'callback')),
    title            text        NOT NULL,
    note             text,
    city_id          bigint REFERENCES cities (id),
    -- null: anyone of the city takes it
    assignee_id      bigint REFERENCES operators (id),
    created_by       bigint REFERENCES operators (id),
    client_id        bigint REFERENCES clients (id),
    phone            text CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
    call_id          bigint REFERENCES calls (id) ON DELETE SET NULL,
    order_id         bigint REFERENCES orders (id) ON DELETE SET NULL,
    conversation_id  bigint REFERENCES conversations (id) ON DELETE SET NULL,
    priority         text        NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high')),
    status           text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
    due_at           timestamptz NOT NULL,
    -- the outbox row (notifications.id) of the current due time's reminder; a row of an earlier due
    -- time finds no task and fires nothing. No foreign key: the outbox's table is created after this one.
    reminder_id      bigint,
    reminded_at      timestamptz,
    -- the browser showed the reminder; until then it is shown again at the next connect
    reminder_seen_at timestamptz,
    done_at          timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (assignee_id IS NOT NULL OR city_id IS NOT NULL)
);
-- an operator's list: their own open tasks and their city's unassigned ones, soonest first
CREATE INDEX tasks_assignee_due_idx ON tasks (assignee_id, due_at, id) WHERE status = 'open';
CREATE INDEX tasks_city_due_idx ON tasks (city_id, due_at, id) WHERE status = 'open';
-- a supervisor's list of any status, and the counts by status
CREATE INDEX tasks_status_due_idx ON tasks (status, due_at, id);
-- the client card's timeline and the client merge
CREATE INDEX tasks_client_idx ON tasks (client_id, created_at, id);
-- the reminder sender finds the task of a claimed outbox row
CREATE UNIQUE INDEX tasks_reminder_idx ON tasks (reminder_id);
