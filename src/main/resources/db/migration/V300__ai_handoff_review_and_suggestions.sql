-- The improvement loop (issue 12): a hand-off a supervisor added as a variant of an entry leaves the
-- list of open hand-offs; which entry it went to is kept for the audit trail.
-- Reply suggestions (issue 16): an answer the AI offered an operator in the reply box is stored like
-- any other answer, with the operator it was offered to, and what the operator did with it.
ALTER TABLE ai_answers
    ADD COLUMN variant_entry_id bigint REFERENCES kb_entries (id) ON DELETE SET NULL,
    ADD COLUMN variant_added_at timestamptz,
    ADD COLUMN suggested_to     bigint REFERENCES operators (id),
    ADD COLUMN used             text CHECK (used IN ('accepted', 'edited')),
    ADD COLUMN used_message_id  bigint REFERENCES messages (id) ON DELETE SET NULL;

-- the hand-off review page reads the newest open hand-offs of the auto-responder and of direct questions
CREATE INDEX ai_answers_open_handoffs_idx ON ai_answers (created_at DESC, id DESC)
    WHERE handoff AND variant_added_at IS NULL AND suggested_to IS NULL;
