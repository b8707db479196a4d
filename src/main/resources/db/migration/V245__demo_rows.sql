-- The rows the demo mode (CRM_DEMO=true) created: its cities, campaigns, operators and Avito account. What the demo
-- plays (calls, chats, the clients and tasks they bring) lives in the demo cities, so these rows find all of it and
-- one admin action removes it (DELETE /api/demo).
CREATE TABLE demo_rows (
    entity text   NOT NULL CHECK (entity IN ('city', 'campaign', 'operator', 'avito_account')),
    row_id bigint NOT NULL,
    PRIMARY KEY (entity, row_id)
);
