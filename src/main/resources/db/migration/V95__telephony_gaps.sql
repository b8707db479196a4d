-- Stretches of time the CRM did not hear the PBX (a manager connection that dropped until it was
-- logged into again). Calls that began and ended inside one are not in the PBX's live events: they
-- are recovered from its CDR table (backfilled), or the gap is only reported (no CDR database, or
-- reading it failed) so that nobody mistakes the missing calls for a quiet hour.
CREATE TABLE telephony_gaps (
    id               bigserial PRIMARY KEY,
    source           text        NOT NULL,
    started_at       timestamptz NOT NULL,
    ended_at         timestamptz NOT NULL CHECK (ended_at >= started_at),
    reason           text        NOT NULL,
    state            text        NOT NULL CHECK (state IN ('backfilled', 'reported', 'backfill_failed')),
    -- calls the CDR table holds for the gap, and how many of them the CRM did not know and added
    cdr_calls        integer CHECK (cdr_calls >= 0),
    backfilled_calls integer CHECK (backfilled_calls >= 0),
    error            text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX telephony_gaps_started_idx ON telephony_gaps (started_at DESC, id DESC);
CREATE INDEX telephony_gaps_unresolved_idx ON telephony_gaps (id DESC) WHERE state <> 'backfilled';
