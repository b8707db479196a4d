-- Call recordings, the background jobs that fetch and transcribe them, transcripts with their
-- words, and the order drafts made from them.

-- A recording is addressed by a random UUID, never by the call id, so that links cannot be guessed.
CREATE TABLE recordings (
    id           uuid PRIMARY KEY,
    call_id      bigint      NOT NULL UNIQUE REFERENCES calls (id) ON DELETE CASCADE,
    source_ref   text        NOT NULL,
    file_name    text        NOT NULL,
    content_type text        NOT NULL,
    size_bytes   bigint      NOT NULL CHECK (size_bytes >= 0),
    created_at   timestamptz NOT NULL DEFAULT now()
);
-- the daily retention sweep reads the oldest first
CREATE INDEX recordings_created_idx ON recordings (created_at);

-- One job per call and kind. A job is claimed with FOR UPDATE SKIP LOCKED and leased to one worker;
-- a lease that runs out (the worker died) makes the job claimable again, so no job is lost.
CREATE TABLE call_jobs (
    id          bigserial PRIMARY KEY,
    call_id     bigint      NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    kind        text        NOT NULL CHECK (kind IN ('fetch_recording', 'transcribe')),
    status      text        NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
    attempts    integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    run_after   timestamptz NOT NULL DEFAULT now(),
    worker      text,
    lease_until timestamptz,
    last_error  text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (call_id, kind)
);
CREATE INDEX call_jobs_due_idx ON call_jobs (run_after, id) WHERE status = 'queued';
CREATE INDEX call_jobs_lease_idx ON call_jobs (lease_until) WHERE status = 'running';

CREATE TABLE transcripts (
    call_id       bigint PRIMARY KEY REFERENCES calls (id) ON DELETE CASCADE,
    engine        text        NOT NULL,
    language      text        NOT NULL,
    text          text        NOT NULL,
    -- [{"speaker","word","start","end","confidence"}], seconds from the start of the recording
    words         jsonb       NOT NULL DEFAULT '[]'::jsonb,
    audio_seconds double precision NOT NULL DEFAULT 0,
    search        tsvector GENERATED ALWAYS AS (to_tsvector('russian', text)) STORED,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX transcripts_search_idx ON transcripts USING gin (search);

-- The generated order draft of a call; order_id is set when an operator accepts it.
CREATE TABLE call_drafts (
    call_id    bigint PRIMARY KEY REFERENCES calls (id) ON DELETE CASCADE,
    draft      jsonb       NOT NULL,
    generator  text        NOT NULL,
    order_id   bigint REFERENCES orders (id),
    created_at timestamptz NOT NULL DEFAULT now()
);
