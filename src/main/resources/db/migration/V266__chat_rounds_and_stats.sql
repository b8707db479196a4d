-- Chat rounds: one row per SLA episode (a chat handed to people, until it is closed). The chat row
-- keeps only its current episode's clocks, which a new episode overwrites; the rounds keep every
-- one, for the chat statistics to count (issue 16 item 4).
CREATE TABLE chat_rounds (
    id                      bigserial PRIMARY KEY,
    conversation_id         bigint      NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    city_id                 bigint REFERENCES cities (id),
    -- who answered first in the round; a round closed unanswered counts under the chat's owner then
    operator_id             bigint REFERENCES operators (id) ON DELETE SET NULL,
    started_at              timestamptz NOT NULL,
    first_response_due      timestamptz,
    first_response_at       timestamptz,
    first_response_breached boolean     NOT NULL DEFAULT false,
    resolution_due          timestamptz,
    resolved_at             timestamptz,
    resolution_breached     boolean     NOT NULL DEFAULT false,
    UNIQUE (conversation_id, started_at)
);
-- the online recount walks a city's rounds in id order
CREATE INDEX chat_rounds_city_idx ON chat_rounds (city_id, id);

-- The episodes running or ended before this migration: only each chat's last one is still known.
INSERT INTO chat_rounds (conversation_id, city_id, started_at, first_response_due, first_response_at, first_response_breached,
                         resolution_due, resolved_at, resolution_breached)
SELECT id, city_id, waiting_since, first_response_due, first_response_at, first_response_breached,
       resolution_due, resolved_at, resolution_breached
FROM conversations WHERE waiting_since IS NOT NULL;

-- Facts kept one row per chat and per round (as stats_call_facts per call), so that a change takes
-- back exactly what the row added before.
CREATE TABLE stats_chat_facts (
    conversation_id bigint PRIMARY KEY,
    operator_id     bigint,
    city_id         bigint,
    day             date    NOT NULL,
    chats           integer NOT NULL,
    ai_only         integer NOT NULL,
    by_people       integer NOT NULL,
    messages        integer NOT NULL
) WITH (fillfactor = 90);

CREATE TABLE stats_chat_round_facts (
    round_id                bigint PRIMARY KEY,
    operator_id             bigint,
    city_id                 bigint,
    day                     date    NOT NULL,
    rounds                  integer NOT NULL,
    first_responses         integer NOT NULL,
    first_response_seconds  bigint  NOT NULL,
    resolved                integer NOT NULL,
    resolution_seconds      bigint  NOT NULL,
    first_response_breaches integer NOT NULL,
    resolution_breaches     integer NOT NULL
) WITH (fillfactor = 90);
CREATE INDEX stats_chat_round_facts_day_idx ON stats_chat_round_facts (day);

-- One set of rollups for both kinds of chat facts: each kind adds its own measures, the others keep
-- their 0 default (a chat's messages are counted from messages_conversation_idx). By operator, city and the whole centre a day, with month twins for long periods.
CREATE TABLE stats_chat_city_day (
    city_id                 bigint,
    day                     date   NOT NULL,
    chats                   bigint NOT NULL DEFAULT 0,
    ai_only                 bigint NOT NULL DEFAULT 0,
    by_people               bigint NOT NULL DEFAULT 0,
    messages                bigint NOT NULL DEFAULT 0,
    rounds                  bigint NOT NULL DEFAULT 0,
    first_responses         bigint NOT NULL DEFAULT 0,
    first_response_seconds  bigint NOT NULL DEFAULT 0,
    resolved                bigint NOT NULL DEFAULT 0,
    resolution_seconds      bigint NOT NULL DEFAULT 0,
    first_response_breaches bigint NOT NULL DEFAULT 0,
    resolution_breaches     bigint NOT NULL DEFAULT 0,
    CONSTRAINT stats_chat_city_day_key UNIQUE NULLS NOT DISTINCT (city_id, day)
) WITH (fillfactor = 90);
CREATE INDEX stats_chat_city_day_day_idx ON stats_chat_city_day (day);

CREATE TABLE stats_chat_city_month (LIKE stats_chat_city_day INCLUDING DEFAULTS) WITH (fillfactor = 90);
ALTER TABLE stats_chat_city_month RENAME day TO month;
ALTER TABLE stats_chat_city_month ADD CONSTRAINT stats_chat_city_month_key UNIQUE NULLS NOT DISTINCT (city_id, month);
CREATE INDEX stats_chat_city_month_month_idx ON stats_chat_city_month (month);

CREATE TABLE stats_chat_centre_day (LIKE stats_chat_city_day INCLUDING DEFAULTS) WITH (fillfactor = 90);
ALTER TABLE stats_chat_centre_day DROP COLUMN city_id, ADD PRIMARY KEY (day);

CREATE TABLE stats_chat_operator_day (LIKE stats_chat_city_day INCLUDING DEFAULTS) WITH (fillfactor = 90);
ALTER TABLE stats_chat_operator_day DROP COLUMN city_id, ADD COLUMN operator_id bigint NOT NULL, ADD PRIMARY KEY (operator_id, day);
CREATE INDEX stats_chat_operator_day_day_idx ON stats_chat_operator_day (day);

CREATE TABLE stats_chat_operator_month (LIKE stats_chat_operator_day INCLUDING DEFAULTS) WITH (fillfactor = 90);
ALTER TABLE stats_chat_operator_month RENAME day TO month;
ALTER TABLE stats_chat_operator_month ADD PRIMARY KEY (operator_id, month);
CREATE INDEX stats_chat_operator_month_month_idx ON stats_chat_operator_month (month);

-- Counted from the chats and rounds by the rebuild at the next start (RollupSettingsCheck), as after V270.
DELETE FROM stats_rollup_settings;
