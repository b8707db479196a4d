-- Dispositions and cancel reasons (issue 15 point 4): two admin-managed lists, so that a call's
-- result and an order's cancellation can be counted instead of read as free text. An entry is
-- retired (active = false), never deleted: counted calls and orders keep pointing at it.
CREATE TABLE result_codes (
    id         bigserial PRIMARY KEY,
    kind       text        NOT NULL CHECK (kind IN ('disposition', 'cancel_reason')),
    name       text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    active     boolean     NOT NULL DEFAULT true,
    position   integer     NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (kind, name)
);
CREATE INDEX result_codes_kind_idx ON result_codes (kind, active, position, id);

-- what a repair centre's operators pick most, in the order they pick it
INSERT INTO result_codes (kind, name, position) VALUES
    ('disposition', 'Оформлен заказ', 10),
    ('disposition', 'Консультация', 20),
    ('disposition', 'Перезвонит сам', 30),
    ('disposition', 'Дорого', 40),
    ('disposition', 'Повторный звонок по заказу', 50),
    ('disposition', 'Жалоба', 60),
    ('disposition', 'Не наш профиль', 70),
    ('disposition', 'Ошиблись номером', 80),
    ('disposition', 'Спам, реклама', 90),
    ('cancel_reason', 'Клиент передумал', 10),
    ('cancel_reason', 'Дорого', 20),
    ('cancel_reason', 'Починил сам или другой сервис', 30),
    ('cancel_reason', 'Не дозвонились до клиента', 40),
    ('cancel_reason', 'Мастер не смог приехать', 50),
    ('cancel_reason', 'Ремонт нецелесообразен', 60),
    ('cancel_reason', 'Нет запчастей', 70),
    ('cancel_reason', 'Дубль заявки', 80);

ALTER TABLE calls ADD COLUMN disposition_id bigint REFERENCES result_codes (id);
ALTER TABLE orders ADD COLUMN cancel_reason_id bigint REFERENCES result_codes (id);

-- Statistics by disposition and by reason, kept like every other rollup (stats.CallFacts,
-- stats.OrderFacts): a day rollup read by its day index and its month twin.
ALTER TABLE stats_call_facts ADD COLUMN disposition_id bigint;
ALTER TABLE stats_order_facts ADD COLUMN cancel_reason_id bigint;

-- (made LIKE the campaign rollups of V80, the tables that exist before this runs, without their rk)
CREATE TABLE stats_call_disposition_day (LIKE stats_call_campaign_day INCLUDING DEFAULTS) WITH (fillfactor = 90);
ALTER TABLE stats_call_disposition_day DROP COLUMN rk, ADD COLUMN disposition_id bigint NOT NULL,
    ADD CONSTRAINT stats_call_disposition_day_key UNIQUE NULLS NOT DISTINCT (city_id, disposition_id, day);
CREATE INDEX stats_call_disposition_day_day_idx ON stats_call_disposition_day (day);

CREATE TABLE stats_call_disposition_month (LIKE stats_call_disposition_day INCLUDING DEFAULTS) WITH (fillfactor = 90);
ALTER TABLE stats_call_disposition_month RENAME day TO month;
ALTER TABLE stats_call_disposition_month
    ADD CONSTRAINT stats_call_disposition_month_key UNIQUE NULLS NOT DISTINCT (city_id, disposition_id, month);
CREATE INDEX stats_call_disposition_month_month_idx ON stats_call_disposition_month (month);

CREATE TABLE stats_order_reason_day (LIKE stats_order_campaign_day INCLUDING DEFAULTS) WITH (fillfactor = 90);
ALTER TABLE stats_order_reason_day DROP COLUMN rk, ADD COLUMN cancel_reason_id bigint NOT NULL,
    ADD PRIMARY KEY (city_id, cancel_reason_id, day);
CREATE INDEX stats_order_reason_day_day_idx ON stats_order_reason_day (day);

CREATE TABLE stats_order_reason_month (LIKE stats_order_reason_day INCLUDING DEFAULTS) WITH (fillfactor = 90);
ALTER TABLE stats_order_reason_month RENAME day TO month;
ALTER TABLE stats_order_reason_month ADD PRIMARY KEY (city_id, cancel_reason_id, month);
CREATE INDEX stats_order_reason_month_month_idx ON stats_order_reason_month (month);

-- the facts gain a key: the application rebuilds every rollup before it serves (stats.RollupSettingsCheck)
DELETE FROM stats_rollup_settings;
