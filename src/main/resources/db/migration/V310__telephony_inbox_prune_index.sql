-- Applied webhook entries are deleted once crm.inbox.keep-applied old (telephony.inbox.InboxBounds):
-- the oldest first, found through this index rather than a scan of the whole table.
CREATE INDEX telephony_inbox_processed_idx ON telephony_inbox (processed_at) WHERE processed_at IS NOT NULL;
