-- A call that ended while the CRM was not listening (AMI link down, service restarted) has no known
-- talk or hold unless the CDR brings its real end: NULL then, shown as "—" and left out of sums,
-- never a talk time running from its answer to the reconnect.
ALTER TABLE calls ALTER COLUMN talk_seconds DROP NOT NULL;
ALTER TABLE calls ALTER COLUMN hold_seconds DROP NOT NULL;
