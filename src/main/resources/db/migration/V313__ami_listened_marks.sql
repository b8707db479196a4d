-- Up to when the CRM had heard and stored everything a PBX's manager connection sent (issue 14 item 13):
-- written by the listening node every ping interval and when it stops, read by the next process that
-- logs in (after a restart or a kill -9, or the node taking over), whose first login then ends a gap
-- from this moment like any reconnect: the calls made while nobody listened are backfilled from the
-- CDR or the gap is reported. One row per manager address (host:port), so that a CRM pointed at
-- another PBX does not take the old one's silence for a gap of the new one.
CREATE TABLE ami_listened_marks (
    address      text        PRIMARY KEY,
    stored_until timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now()
);
