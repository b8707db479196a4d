-- click-to-call's per-user rate counts a user's recent 'originate' audit rows (cluster-wide)
CREATE INDEX audit_log_originate_idx ON audit_log (actor_id, at) WHERE action = 'originate';

-- a refresh token spent by rotation names its successor: a second tab presenting the spent token within the
-- grace, while the successor still lives, gets a session of its own instead of ending every session
ALTER TABLE refresh_tokens ADD COLUMN replaced_by bigint REFERENCES refresh_tokens (id) ON DELETE SET NULL;
