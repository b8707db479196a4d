-- Missed-call call-backs become tasks of the one task list (issue 15 point 3): a missed inbound call
-- opens its client's call-back task (or adds to it), due at once; a later answered call with the
-- client closes it. The old callbacks table moves into tasks and goes.
ALTER TABLE tasks
    -- opened by missed calls (not scheduled by a person): one open such task per client
    ADD COLUMN missed            boolean     NOT NULL DEFAULT false,
    ADD COLUMN missed_count      integer     NOT NULL DEFAULT 0,
    ADD COLUMN last_missed_at    timestamptz,
    ADD COLUMN closed_by_call_id bigint REFERENCES calls (id) ON DELETE SET NULL,
    ADD COLUMN callback_id       bigint;
-- a missed call of no known city goes to supervisors, who see every city
ALTER TABLE tasks DROP CONSTRAINT tasks_check;
ALTER TABLE tasks ADD CONSTRAINT tasks_placed CHECK (assignee_id IS NOT NULL OR city_id IS NOT NULL OR missed);
CREATE UNIQUE INDEX tasks_missed_open_per_client ON tasks (client_id) WHERE status = 'open' AND missed;

-- Which missed calls a task already counts: a call reported again adds nothing.
CREATE TABLE task_calls (
    call_id bigint PRIMARY KEY REFERENCES calls (id) ON DELETE CASCADE,
    task_id bigint NOT NULL REFERENCES tasks (id) ON DELETE CASCADE
);
CREATE INDEX task_calls_task_idx ON task_calls (task_id);

INSERT INTO tasks (kind, title, note, city_id, assignee_id, client_id, phone, call_id, priority, status, due_at,
                   missed, missed_count, last_missed_at, done_at, closed_by_call_id, callback_id, created_at, updated_at)
SELECT 'callback', b.phone, b.note, b.city_id, CASE WHEN b.status = 'in_progress' THEN b.operator_id END, b.client_id,
       CASE WHEN b.phone ~ '^\+[1-9][0-9]{6,14}$' THEN b.phone END, b.last_call_id, 'normal',
       CASE b.status WHEN 'in_progress' THEN 'open' ELSE b.status END, b.first_missed_at,
       true, b.missed_count, b.last_missed_at, b.closed_at, b.closed_by_call_id, b.id, b.created_at, b.updated_at
  FROM callbacks b ORDER BY b.id;
INSERT INTO task_calls (call_id, task_id) SELECT c.call_id, t.id FROM callback_calls c JOIN tasks t ON t.callback_id = c.callback_id;
ALTER TABLE tasks DROP COLUMN callback_id;
DROP TABLE callback_calls;
DROP TABLE callbacks;
