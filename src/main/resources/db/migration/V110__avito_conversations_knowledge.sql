-- Avito accounts, chats with clients, the knowledge base and the AI answers given from it.

-- One Avito profile. The webhook path secret is kept as a SHA-256 hash: it is a bearer secret that
-- Avito cannot sign, so a database dump must not reveal a working webhook address.
CREATE TABLE avito_accounts (
    id                      bigserial PRIMARY KEY,
    name                    text        NOT NULL UNIQUE,
    city_id                 bigint      NOT NULL REFERENCES cities (id),
    rk                      text,
    avito_user_id           bigint      NOT NULL UNIQUE,
    client_id               text        NOT NULL,
    client_secret_encrypted text,
    webhook_secret_hash     text        NOT NULL UNIQUE,
    enabled                 boolean     NOT NULL DEFAULT true,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE conversations (
    id               bigserial PRIMARY KEY,
    channel          text        NOT NULL DEFAULT 'avito' CHECK (channel IN ('avito')),
    account_id       bigint      NOT NULL REFERENCES avito_accounts (id),
    external_chat_id text        NOT NULL,
    city_id          bigint REFERENCES cities (id),
    rk               text,
    item_id          text,
    ad_title         text,
    client_phone     text CHECK (client_phone ~ '^\+[1-9][0-9]{6,14}$'),
    client_id        bigint REFERENCES clients (id),
    order_id         bigint REFERENCES orders (id),
    -- open: nobody needs to act; queued: waiting for an operator since queued_at
    status           text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'queued', 'closed')),
    queue_reason     text,
    queued_at        timestamptz,
    last_message_at  timestamptz NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (account_id, external_chat_id)
);
CREATE INDEX conversations_last_idx ON conversations (last_message_at DESC, id DESC);
CREATE INDEX conversations_status_last_idx ON conversations (status, last_message_at DESC, id DESC);
CREATE INDEX conversations_city_last_idx ON conversations (city_id, last_message_at DESC, id DESC);
CREATE INDEX conversations_client_idx ON conversations (client_id);

-- delivery_status: received (from the client), pending/sent/failed (ours to Avito). A failed
-- message with next_attempt_at is retried then; without it, it was given up.
CREATE TABLE messages (
    id              bigserial PRIMARY KEY,
    conversation_id bigint      NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    sender          text        NOT NULL CHECK (sender IN ('client', 'operator', 'ai', 'system')),
    operator_id     bigint REFERENCES operators (id),
    text            text        NOT NULL,
    external_id     text,
    delivery_status text        NOT NULL CHECK (delivery_status IN ('received', 'pending', 'sent', 'failed')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    last_error      text,
    sent_at         timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX messages_external_uq ON messages (conversation_id, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX messages_conversation_idx ON messages (conversation_id, created_at, id);
CREATE INDEX messages_retry_idx ON messages (next_attempt_at) WHERE delivery_status = 'failed' AND next_attempt_at IS NOT NULL;

CREATE TABLE kb_entries (
    id         bigserial PRIMARY KEY,
    category   text        NOT NULL,
    title      text        NOT NULL,
    questions  text[]      NOT NULL CHECK (cardinality(questions) > 0),
    answer     text        NOT NULL,
    city_id    bigint REFERENCES cities (id),
    author_id  bigint REFERENCES operators (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX kb_entries_created_idx ON kb_entries (created_at DESC, id DESC);
-- one title per city (NULL city = every city gets its own slot)
CREATE UNIQUE INDEX kb_entries_title_city_uq ON kb_entries (lower(title), coalesce(city_id, 0));

CREATE TABLE kb_training_pairs (
    id              bigserial PRIMARY KEY,
    question        text        NOT NULL,
    answer          text        NOT NULL,
    source          text        NOT NULL CHECK (source IN ('manual', 'faq', 'operator_reply', 'call_transcript')),
    entry_id        bigint REFERENCES kb_entries (id) ON DELETE SET NULL,
    city_id         bigint REFERENCES cities (id),
    conversation_id bigint REFERENCES conversations (id) ON DELETE SET NULL,
    author_id       bigint REFERENCES operators (id),
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX kb_training_pairs_created_idx ON kb_training_pairs (created_at DESC, id DESC);
CREATE INDEX kb_training_pairs_entry_idx ON kb_training_pairs (entry_id);

CREATE TABLE ai_answers (
    id              bigserial PRIMARY KEY,
    conversation_id bigint REFERENCES conversations (id) ON DELETE CASCADE,
    message_id      bigint REFERENCES messages (id) ON DELETE SET NULL,
    question        text        NOT NULL,
    city_id         bigint REFERENCES cities (id),
    answer          text,
    entry_id        bigint REFERENCES kb_entries (id) ON DELETE SET NULL,
    confidence      double precision NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    handoff         boolean     NOT NULL,
    reason          text        NOT NULL,
    sources         jsonb       NOT NULL DEFAULT '[]'::jsonb,
    written_by_llm  boolean     NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ai_answers_conversation_idx ON ai_answers (conversation_id, created_at);
CREATE UNIQUE INDEX ai_answers_message_uq ON ai_answers (message_id) WHERE message_id IS NOT NULL;
CREATE INDEX ai_answers_entry_idx ON ai_answers (entry_id);

CREATE TABLE ai_answer_ratings (
    id           bigserial PRIMARY KEY,
    ai_answer_id bigint      NOT NULL REFERENCES ai_answers (id) ON DELETE CASCADE,
    operator_id  bigint      NOT NULL REFERENCES operators (id),
    rating       integer     NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment      text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (ai_answer_id, operator_id)
);

-- Calls Avito's call tracking reports, linked to our own call of the same number and time.
CREATE TABLE avito_tracked_calls (
    id               bigserial PRIMARY KEY,
    account_id       bigint      NOT NULL REFERENCES avito_accounts (id) ON DELETE CASCADE,
    external_call_id text        NOT NULL,
    item_id          text,
    buyer_phone      text,
    virtual_phone    text,
    call_time        timestamptz NOT NULL,
    talk_seconds     integer     NOT NULL DEFAULT 0,
    call_id          bigint REFERENCES calls (id) ON DELETE SET NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (account_id, external_call_id)
);
