-- One outbox for every notification (Telegram, e-mail, SMS, operator reminders). A row is written in
-- the transaction of the change it tells about; a worker claims due rows (FOR UPDATE SKIP LOCKED),
-- marks them 'sending' with a lease, sends outside any transaction and then marks them 'sent' or
-- retries them with backoff. A row marked 'sent' is never claimed again, so a restart repeats nothing
-- marked sent; a process killed between the send and the mark leaves a 'sending' row whose lease
-- runs out, and that one message is sent again.
CREATE TABLE notifications (
    id             bigserial PRIMARY KEY,
    channel        text        NOT NULL CHECK (channel IN ('telegram', 'email', 'sms', 'operator')),
    purpose        text        NOT NULL,
    recipient      text        NOT NULL,
    subject        text,
    body           text        NOT NULL,
    -- Telegram inline keyboard rows, as the Bot API's reply_markup.inline_keyboard
    buttons        jsonb,
    order_id       bigint REFERENCES orders (id) ON DELETE CASCADE,
    -- a repeat of the same event (an at-least-once listener, a retried request) adds no second row
    dedupe_key     text UNIQUE,
    state          text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
    attempts       int         NOT NULL DEFAULT 0,
    last_error     text,
    -- pending: not before; sending: the lease's end; failed/sent: null
    due_at         timestamptz,
    external_id    text,
    sent_at        timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CHECK ((state IN ('pending', 'sending')) = (due_at IS NOT NULL))
);
CREATE INDEX notifications_due_idx ON notifications (due_at) WHERE state IN ('pending', 'sending');
CREATE INDEX notifications_order_idx ON notifications (order_id, created_at) WHERE order_id IS NOT NULL;
CREATE INDEX notifications_created_idx ON notifications (created_at DESC, id DESC);
CREATE INDEX notifications_state_created_idx ON notifications (state, created_at DESC, id DESC);
