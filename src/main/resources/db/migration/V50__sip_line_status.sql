-- The outcome of each SIP line's latest OPTIONS probe, one row per line; a line never probed has
-- no row (state unknown). Written every probe interval, so it lives apart from sip_lines, whose
-- updated_at should change only when an admin edits the line.
CREATE TABLE sip_line_status (
    sip_line_id          bigint PRIMARY KEY REFERENCES sip_lines (id) ON DELETE CASCADE,
    state                text        NOT NULL CHECK (state IN ('up', 'down', 'unknown')),
    last_code            integer CHECK (last_code BETWEEN 100 AND 699),
    last_reason          text,
    rtt_ms               integer CHECK (rtt_ms >= 0),
    checked_at           timestamptz NOT NULL,
    consecutive_failures integer     NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
    error                text
);
