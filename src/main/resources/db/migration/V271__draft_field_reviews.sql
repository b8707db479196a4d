-- What operators did with each field of a generated draft when they accepted it as an order: kept the
-- draft's value, changed it, filled a field the draft left empty, or neither had one. Counted per field
-- over a period (GET /api/ai/order-draft/edits), so the weak fields show in production.
CREATE TABLE draft_field_reviews (
    call_id     bigint      NOT NULL REFERENCES call_drafts (call_id) ON DELETE CASCADE,
    field       text        NOT NULL CHECK (field IN ('city', 'address', 'equipment_type', 'problem', 'visit_date', 'client_name')),
    outcome     text        NOT NULL CHECK (outcome IN ('kept', 'changed', 'filled', 'empty')),
    generator   text        NOT NULL,
    reviewed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (call_id, field)
);
-- the period filter of the per-field counts
CREATE INDEX draft_field_reviews_reviewed_at ON draft_field_reviews (reviewed_at);
