-- A user's own sessions (issue 15 point 6): a session is one sign-in on one device, carried from
-- refresh token to refresh token; the user sees where and since when each is signed in, and ends
-- one. Access tokens name their session, so an ended one stops working at once.
CREATE SEQUENCE auth_session_seq;
ALTER TABLE refresh_tokens
    ADD COLUMN session_id         bigint,
    ADD COLUMN session_started_at timestamptz,
    ADD COLUMN client_address     text,
    ADD COLUMN user_agent         text CHECK (length(user_agent) <= 300),
    -- revoked because its user ended the session, not spent by a refresh: presented again it is
    -- refused, but it is no sign of a copied token (which ends every session of the user)
    ADD COLUMN session_ended_at   timestamptz;
-- each token issued before counts as a session of its own
UPDATE refresh_tokens SET session_id = nextval('auth_session_seq'), session_started_at = created_at;
ALTER TABLE refresh_tokens ALTER COLUMN session_id SET NOT NULL, ALTER COLUMN session_started_at SET NOT NULL;
-- the live token of a session: the list of a user's sessions, and whether a session is still open
CREATE INDEX refresh_tokens_live_session_idx ON refresh_tokens (session_id) WHERE revoked_at IS NULL;
CREATE INDEX refresh_tokens_live_operator_idx ON refresh_tokens (operator_id, session_started_at) WHERE revoked_at IS NULL;
