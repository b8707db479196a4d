-- Statistics are read from these rollups, never by aggregating calls, orders or the status history
-- at request time. They are kept exact, in the transaction that changes their source:
--
-- * each call and each order has one *facts* row: the keys it is counted under (operator, city,
--   campaign, local day and hour) and what it adds to each measure. A change re-derives the facts
--   row and adds (new facts − previous facts) to every rollup, so a call answered after ringing, or
--   a summary that corrects its wait, moves its contribution instead of adding it twice;
-- * a work-status period adds its seconds, split at local hours, once it is closed
--   (stats_status_applied remembers the last period counted per operator); the open period is added
--   at read time.
--
-- Days and hours are local to the call's (order's, operator's) city, or to crm.default-timezone.
-- Rollup updates change measure columns only, so with room left on each page (fillfactor) they
-- are HOT updates that write no index entry.

CREATE TABLE stats_call_facts (
    call_id             bigint PRIMARY KEY,
    operator_id         bigint,
    city_id             bigint,
    rk                  text,
    day                 date     NOT NULL,
    hour                smallint NOT NULL,
    wait_seconds        integer  NOT NULL,
    inbound             integer  NOT NULL,
    answered            integer  NOT NULL,
    outbound            integer  NOT NULL,
    outbound_answered   integer  NOT NULL,
    wait_answered       integer  NOT NULL,
    answered_within_sl  integer  NOT NULL,
    abandoned           integer  NOT NULL,
    abandoned_short     integer  NOT NULL,
    abandoned_within_sl integer  NOT NULL,
    talk                integer  NOT NULL,
    hold                integer  NOT NULL
) WITH (fillfactor = 90);
-- Service level for a threshold other than the configured one is counted from the facts of the days asked.
CREATE INDEX stats_call_facts_day_idx ON stats_call_facts (day, city_id, rk);

CREATE TABLE stats_call_operator_day (
    operator_id         bigint NOT NULL,
    day                 date   NOT NULL,
    inbound             bigint NOT NULL DEFAULT 0,
    answered            bigint NOT NULL DEFAULT 0,
    outbound            bigint NOT NULL DEFAULT 0,
    outbound_answered   bigint NOT NULL DEFAULT 0,
    wait_answered       bigint NOT NULL DEFAULT 0,
    answered_within_sl  bigint NOT NULL DEFAULT 0,
    abandoned           bigint NOT NULL DEFAULT 0,
    abandoned_short     bigint NOT NULL DEFAULT 0,
    abandoned_within_sl bigint NOT NULL DEFAULT 0,
    talk                bigint NOT NULL DEFAULT 0,
    hold                bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (operator_id, day)
) WITH (fillfactor = 90);
CREATE INDEX stats_call_operator_day_day_idx ON stats_call_operator_day (day);

CREATE TABLE stats_call_campaign_day (
    city_id             bigint,
    rk                  text,
    day                 date   NOT NULL,
    inbound             bigint NOT NULL DEFAULT 0,
    answered            bigint NOT NULL DEFAULT 0,
    outbound            bigint NOT NULL DEFAULT 0,
    outbound_answered   bigint NOT NULL DEFAULT 0,
    wait_answered       bigint NOT NULL DEFAULT 0,
    answered_within_sl  bigint NOT NULL DEFAULT 0,
    abandoned           bigint NOT NULL DEFAULT 0,
    abandoned_short     bigint NOT NULL DEFAULT 0,
    abandoned_within_sl bigint NOT NULL DEFAULT 0,
    talk                bigint NOT NULL DEFAULT 0,
    hold                bigint NOT NULL DEFAULT 0,
    CONSTRAINT stats_call_campaign_day_key UNIQUE NULLS NOT DISTINCT (city_id, rk, day)
) WITH (fillfactor = 90);
CREATE INDEX stats_call_campaign_day_day_idx ON stats_call_campaign_day (day);

CREATE TABLE stats_call_campaign_hour (
    city_id             bigint,
    rk                  text,
    day                 date     NOT NULL,
    hour                smallint NOT NULL,
    inbound             bigint   NOT NULL DEFAULT 0,
    answered            bigint   NOT NULL DEFAULT 0,
    outbound            bigint   NOT NULL DEFAULT 0,
    outbound_answered   bigint   NOT NULL DEFAULT 0,
    wait_answered       bigint   NOT NULL DEFAULT 0,
    answered_within_sl  bigint   NOT NULL DEFAULT 0,
    abandoned           bigint   NOT NULL DEFAULT 0,
    abandoned_short     bigint   NOT NULL DEFAULT 0,
    abandoned_within_sl bigint   NOT NULL DEFAULT 0,
    talk                bigint   NOT NULL DEFAULT 0,
    hold                bigint   NOT NULL DEFAULT 0,
    CONSTRAINT stats_call_campaign_hour_key UNIQUE NULLS NOT DISTINCT (city_id, rk, day, hour)
) WITH (fillfactor = 90);
CREATE INDEX stats_call_campaign_hour_day_idx ON stats_call_campaign_hour (day);
CREATE INDEX stats_call_campaign_hour_city_idx ON stats_call_campaign_hour (city_id, day);
CREATE INDEX stats_call_campaign_hour_rk_idx ON stats_call_campaign_hour (rk, day);

CREATE TABLE stats_order_facts (
    order_id           bigint PRIMARY KEY,
    operator_id        bigint,
    city_id            bigint         NOT NULL,
    rk                 text,
    day                date           NOT NULL,
    orders             integer        NOT NULL,
    status_new         integer        NOT NULL,
    status_assigned    integer        NOT NULL,
    status_in_progress integer        NOT NULL,
    status_completed   integer        NOT NULL,
    status_cancelled   integer        NOT NULL,
    revenue            numeric(12, 2) NOT NULL,
    clean              numeric(12, 2) NOT NULL
) WITH (fillfactor = 90);

CREATE TABLE stats_order_operator_day (
    operator_id        bigint         NOT NULL,
    day                date           NOT NULL,
    orders             bigint         NOT NULL DEFAULT 0,
    status_new         bigint         NOT NULL DEFAULT 0,
    status_assigned    bigint         NOT NULL DEFAULT 0,
    status_in_progress bigint         NOT NULL DEFAULT 0,
    status_completed   bigint         NOT NULL DEFAULT 0,
    status_cancelled   bigint         NOT NULL DEFAULT 0,
    revenue            numeric(16, 2) NOT NULL DEFAULT 0,
    clean              numeric(16, 2) NOT NULL DEFAULT 0,
    PRIMARY KEY (operator_id, day)
) WITH (fillfactor = 90);
CREATE INDEX stats_order_operator_day_day_idx ON stats_order_operator_day (day);

CREATE TABLE stats_order_campaign_day (
    city_id            bigint         NOT NULL,
    rk                 text,
    day                date           NOT NULL,
    orders             bigint         NOT NULL DEFAULT 0,
    status_new         bigint         NOT NULL DEFAULT 0,
    status_assigned    bigint         NOT NULL DEFAULT 0,
    status_in_progress bigint         NOT NULL DEFAULT 0,
    status_completed   bigint         NOT NULL DEFAULT 0,
    status_cancelled   bigint         NOT NULL DEFAULT 0,
    revenue            numeric(16, 2) NOT NULL DEFAULT 0,
    clean              numeric(16, 2) NOT NULL DEFAULT 0,
    CONSTRAINT stats_order_campaign_day_key UNIQUE NULLS NOT DISTINCT (city_id, rk, day)
) WITH (fillfactor = 90);
CREATE INDEX stats_order_campaign_day_day_idx ON stats_order_campaign_day (day);

-- The newest closed status period of each operator that the rollups already count.
CREATE TABLE stats_status_applied (
    operator_id bigint PRIMARY KEY,
    through_id  bigint NOT NULL
);

CREATE TABLE stats_status_operator_day (
    operator_id     bigint NOT NULL,
    day             date   NOT NULL,
    working_seconds bigint NOT NULL DEFAULT 0,
    break_seconds   bigint NOT NULL DEFAULT 0,
    offline_seconds bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (operator_id, day)
) WITH (fillfactor = 90);
CREATE INDEX stats_status_operator_day_day_idx ON stats_status_operator_day (day);

-- By the operator's city and local hour: the available time that occupancy per hour is measured against.
CREATE TABLE stats_status_city_hour (
    city_id         bigint,
    day             date     NOT NULL,
    hour            smallint NOT NULL,
    working_seconds bigint   NOT NULL DEFAULT 0,
    break_seconds   bigint   NOT NULL DEFAULT 0,
    offline_seconds bigint   NOT NULL DEFAULT 0,
    CONSTRAINT stats_status_city_hour_key UNIQUE NULLS NOT DISTINCT (city_id, day, hour)
) WITH (fillfactor = 90);
CREATE INDEX stats_status_city_hour_day_idx ON stats_status_city_hour (day);

-- The settings the rollups were built with (time zone of calls without a city, service-level and
-- short-abandon thresholds). At start the application compares them with its configuration and
-- rebuilds the rollups when they differ; V81 (a Java migration) fills them from existing rows.
CREATE TABLE stats_rollup_settings (
    id                    boolean PRIMARY KEY DEFAULT true CHECK (id),
    default_timezone      text    NOT NULL,
    service_level_seconds integer NOT NULL,
    short_abandon_seconds integer NOT NULL,
    built_at              timestamptz NOT NULL DEFAULT now()
);

