-- One owner per chat: the operator who took it (or was given it by a supervisor).
ALTER TABLE conversations ADD COLUMN assignee_id bigint REFERENCES operators (id) ON DELETE SET NULL;
ALTER TABLE conversations ADD COLUMN assigned_at timestamptz;
CREATE INDEX conversations_assignee_idx ON conversations (assignee_id, last_message_at DESC) WHERE assignee_id IS NOT NULL;
