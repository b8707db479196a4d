-- Chat SLA: per city, how long a chat handed to people may wait for its first operator reply and
-- for being closed, counted in the city's working hours (NULL: no target).
ALTER TABLE cities ADD COLUMN chat_first_response_seconds integer CHECK (chat_first_response_seconds > 0);
ALTER TABLE cities ADD COLUMN chat_resolution_seconds integer CHECK (chat_resolution_seconds > 0);

-- The chat's current SLA episode: it starts when the chat is handed to people (not while it waits
-- already) and keeps its deadlines, fixed then from the city's targets and hours; the first reply and
-- the close end its two clocks. A breach is marked once, when its deadline passes unmet.
ALTER TABLE conversations ADD COLUMN waiting_since timestamptz;
ALTER TABLE conversations ADD COLUMN first_response_due timestamptz;
ALTER TABLE conversations ADD COLUMN resolution_due timestamptz;
ALTER TABLE conversations ADD COLUMN first_response_at timestamptz;
ALTER TABLE conversations ADD COLUMN resolved_at timestamptz;
ALTER TABLE conversations ADD COLUMN first_response_breached boolean NOT NULL DEFAULT false;
ALTER TABLE conversations ADD COLUMN resolution_breached boolean NOT NULL DEFAULT false;

-- What the breach watch scans: only chats whose clock still runs and has not been marked.
CREATE INDEX conversations_first_response_due_idx ON conversations (first_response_due)
    WHERE first_response_at IS NULL AND NOT first_response_breached;
CREATE INDEX conversations_resolution_due_idx ON conversations (resolution_due)
    WHERE resolved_at IS NULL AND NOT resolution_breached;

-- The chats whose episode runs: what the wallboard counts (waiting for a person, overdue).
CREATE INDEX conversations_sla_running_idx ON conversations (waiting_since)
    WHERE waiting_since IS NOT NULL AND resolved_at IS NULL;
-- Chats already in the queue are handed to people since they were queued (no deadline: set before any target).
UPDATE conversations SET waiting_since = queued_at WHERE status = 'queued' AND queued_at IS NOT NULL;
