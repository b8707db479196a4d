-- Access tokens carry the version current when they were issued; a password change, a block or
-- "log out everywhere" moves it on, so tokens issued before stop working before they expire.
ALTER TABLE operators ADD COLUMN token_version integer NOT NULL DEFAULT 0;

-- Lockout counts recent failed logins per login (since its last success) and per address.
CREATE INDEX audit_log_login_attempts_idx ON audit_log (actor_login, at) WHERE action IN ('login', 'login_failed');
CREATE INDEX audit_log_failed_address_idx ON audit_log (ip, at) WHERE action = 'login_failed';

-- API key scopes name an area and an access ('leads:write'); keys issued before meant exactly that.
UPDATE api_keys SET scopes = array_replace(scopes, 'leads', 'leads:write');
ALTER TABLE api_keys ALTER COLUMN scopes SET DEFAULT '{leads:write}';
