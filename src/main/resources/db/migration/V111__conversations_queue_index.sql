-- The operators' queue (status 'queued', oldest first) is read in queued_at order.
CREATE INDEX conversations_queue_idx ON conversations (queued_at, id) WHERE status = 'queued';
