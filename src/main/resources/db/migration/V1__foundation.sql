-- Foundation schema. Enumerations are CHECK constraints on text so that a new value is one
-- migration away and the JSON API shows the same words as the database.

CREATE TABLE cities (
    id            bigserial PRIMARY KEY,
    name          text        NOT NULL UNIQUE,
    timezone      text        NOT NULL,
    working_hours jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE operators (
    id            bigserial PRIMARY KEY,
    login         text        NOT NULL UNIQUE,
    password_hash text        NOT NULL,
    name          text        NOT NULL,
    role          text        NOT NULL CHECK (role IN ('admin', 'supervisor', 'operator')),
    city_id       bigint REFERENCES cities (id),
    status        text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'on_leave')),
    status_work   text        NOT NULL DEFAULT 'offline' CHECK (status_work IN ('working', 'break', 'offline')),
    sip_address   text UNIQUE CHECK (sip_address ~ '^[0-9]{2,8}$'),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX operators_city_idx ON operators (city_id);

-- One row per period in a work status; the open period has ended_at NULL.
CREATE TABLE operator_status_history (
    id          bigserial PRIMARY KEY,
    operator_id bigint      NOT NULL REFERENCES operators (id) ON DELETE CASCADE,
    status_work text        NOT NULL CHECK (status_work IN ('working', 'break', 'offline')),
    started_at  timestamptz NOT NULL,
    ended_at    timestamptz,
    CHECK (ended_at IS NULL OR ended_at >= started_at)
);
CREATE INDEX operator_status_history_operator_idx ON operator_status_history (operator_id, started_at);
CREATE UNIQUE INDEX operator_status_history_open_uq ON operator_status_history (operator_id) WHERE ended_at IS NULL;

CREATE TABLE refresh_tokens (
    id          bigserial PRIMARY KEY,
    operator_id bigint      NOT NULL REFERENCES operators (id) ON DELETE CASCADE,
    token_hash  text        NOT NULL UNIQUE,
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refresh_tokens_operator_idx ON refresh_tokens (operator_id);

CREATE TABLE campaigns (
    id         bigserial PRIMARY KEY,
    rk         text        NOT NULL UNIQUE,
    city_id    bigint      NOT NULL REFERENCES cities (id),
    phone_ats  text        NOT NULL UNIQUE CHECK (phone_ats ~ '^\+[1-9][0-9]{6,14}$'),
    source     text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sip_lines (
    id               bigserial PRIMARY KEY,
    name             text        NOT NULL UNIQUE,
    host             text        NOT NULL,
    port             integer     NOT NULL DEFAULT 5060 CHECK (port BETWEEN 1 AND 65535),
    transport        text        NOT NULL DEFAULT 'udp' CHECK (transport IN ('udp', 'tcp', 'tls')),
    username         text,
    secret_encrypted text,
    city_id          bigint REFERENCES cities (id),
    enabled          boolean     NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE masters (
    id         bigserial PRIMARY KEY,
    name       text        NOT NULL,
    phone      text CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
    status     text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
    note       text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE master_cities (
    master_id bigint NOT NULL REFERENCES masters (id) ON DELETE CASCADE,
    city_id   bigint NOT NULL REFERENCES cities (id),
    PRIMARY KEY (master_id, city_id)
);
CREATE INDEX master_cities_city_idx ON master_cities (city_id);

CREATE TABLE clients (
    id         bigserial PRIMARY KEY,
    name       text,
    city_id    bigint REFERENCES cities (id),
    tags       text[]      NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX clients_city_idx ON clients (city_id);
CREATE INDEX clients_name_idx ON clients (lower(name) text_pattern_ops);

CREATE TABLE client_phones (
    id         bigserial PRIMARY KEY,
    client_id  bigint      NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    phone      text        NOT NULL UNIQUE CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX client_phones_client_idx ON client_phones (client_id);

CREATE TABLE client_notes (
    id          bigserial PRIMARY KEY,
    client_id   bigint      NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    operator_id bigint REFERENCES operators (id),
    text        text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX client_notes_client_idx ON client_notes (client_id, created_at);

CREATE TABLE calls (
    id               bigserial PRIMARY KEY,
    source           text        NOT NULL CHECK (source IN ('mango', 'ami')),
    external_id      text        NOT NULL,
    rk               text,
    city_id          bigint REFERENCES cities (id),
    client_phone     text,
    ats_phone        text,
    direction        text        NOT NULL CHECK (direction IN ('inbound', 'outbound', 'internal')),
    status           text        NOT NULL CHECK (status IN ('ringing', 'answered', 'missed', 'busy', 'failed')),
    missed_reason    text CHECK (missed_reason IN ('abandoned', 'no_answer', 'all_busy', 'rejected', 'unavailable')),
    operator_id      bigint REFERENCES operators (id),
    client_id        bigint REFERENCES clients (id),
    order_id         bigint,
    created_at       timestamptz NOT NULL,
    answered_at      timestamptz,
    ended_at         timestamptz,
    wait_seconds     integer     NOT NULL DEFAULT 0 CHECK (wait_seconds >= 0),
    hold_seconds     integer     NOT NULL DEFAULT 0 CHECK (hold_seconds >= 0),
    talk_seconds     integer     NOT NULL DEFAULT 0 CHECK (talk_seconds >= 0),
    disconnect_reason text,
    disposition      text,
    note             text,
    recording_ref    text,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (source, external_id)
);
CREATE INDEX calls_created_idx ON calls (created_at);
CREATE INDEX calls_operator_created_idx ON calls (operator_id, created_at);
CREATE INDEX calls_status_created_idx ON calls (status, created_at);
CREATE INDEX calls_city_created_idx ON calls (city_id, created_at);
CREATE INDEX calls_rk_created_idx ON calls (rk, created_at);
CREATE INDEX calls_client_created_idx ON calls (client_id, created_at);
CREATE INDEX calls_client_phone_idx ON calls (client_phone);

CREATE TABLE orders (
    id             bigserial PRIMARY KEY,
    rk             text,
    city_id        bigint         NOT NULL REFERENCES cities (id),
    phone          text           NOT NULL CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
    client_id      bigint REFERENCES clients (id),
    type_order     text           NOT NULL DEFAULT 'first_time' CHECK (type_order IN ('first_time', 'repeat', 'warranty')),
    client_name    text,
    address        text,
    date_meeting   timestamptz,
    type_equipment text,
    problem        text,
    status         text           NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'assigned', 'in_progress', 'completed', 'cancelled')),
    master_id      bigint REFERENCES masters (id),
    result         numeric(12, 2),
    expenditure    numeric(12, 2),
    clean          numeric(12, 2),
    operator_id    bigint REFERENCES operators (id),
    call_id        bigint REFERENCES calls (id),
    external_id    text UNIQUE,
    created_at     timestamptz    NOT NULL DEFAULT now(),
    updated_at     timestamptz    NOT NULL DEFAULT now(),
    closed_at      timestamptz
);
CREATE INDEX orders_created_idx ON orders (created_at);
CREATE INDEX orders_operator_created_idx ON orders (operator_id, created_at);
CREATE INDEX orders_status_created_idx ON orders (status, created_at);
CREATE INDEX orders_city_created_idx ON orders (city_id, created_at);
CREATE INDEX orders_phone_idx ON orders (phone);
CREATE INDEX orders_client_idx ON orders (client_id);
ALTER TABLE calls ADD CONSTRAINT calls_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);

CREATE TABLE api_keys (
    id          bigserial PRIMARY KEY,
    name        text        NOT NULL,
    prefix      text        NOT NULL,
    key_hash    text        NOT NULL UNIQUE,
    scopes      text[]      NOT NULL DEFAULT '{leads}',
    created_by  bigint REFERENCES operators (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at  timestamptz
);

CREATE TABLE audit_log (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor_id    bigint,
    actor_login text,
    ip          text,
    action      text        NOT NULL,
    entity      text        NOT NULL,
    entity_id   text,
    changes     jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_actor_at_idx ON audit_log (actor_login, at);
CREATE INDEX audit_log_entity_at_idx ON audit_log (entity, at);
