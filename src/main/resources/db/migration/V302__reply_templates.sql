-- Operator templates (issue 16): ready replies admins and supervisors keep for the chat reply box,
-- searched with "/" beside the knowledge base's answers; a template of no city serves every city.
CREATE TABLE reply_templates (
    id         bigserial PRIMARY KEY,
    title      text        NOT NULL,
    text       text        NOT NULL,
    city_id    bigint REFERENCES cities (id),
    author_id  bigint REFERENCES operators (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reply_templates_city_idx ON reply_templates (city_id);
-- a suggestion already offered for the chat's last question is offered again, not asked anew
CREATE INDEX ai_answers_suggestions_idx ON ai_answers (conversation_id, suggested_to, id DESC) WHERE suggested_to IS NOT NULL;
