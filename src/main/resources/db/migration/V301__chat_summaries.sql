-- Closing a chat writes a short summary and the client's mood (issue 16): the same engine as the
-- call's draft reads the chat's messages; the client's timeline shows both for the chat.
ALTER TABLE conversations
    ADD COLUMN summary       text,
    ADD COLUMN mood          text CHECK (mood IN ('positive', 'neutral', 'negative')),
    ADD COLUMN summarized_at timestamptz;
