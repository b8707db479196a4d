-- Flyway runs this in each migration's transaction: a migration may rewrite a big table, so it is not held to
-- the request statement timeout that every pooled connection starts with (crm.db.statement-timeout). SET LOCAL ends
-- with the transaction, so the connection goes back to the pool with the request limit.
SET LOCAL statement_timeout = 0;
