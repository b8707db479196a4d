-- The table cdr_pgsql writes to (Asterisk 12+ column set; cdr_pgsql fills the columns it finds by
-- name). Create it in the database cdr_pgsql.conf names, e.g. `psql -d asteriskcdr -f cdr_pgsql.sql`.
-- The CRM reads it (CRM_AMI_CDR_JDBC_URL) to backfill the calls of an AMI outage.
CREATE TABLE cdr (
    calldate    timestamp with time zone NOT NULL DEFAULT now(),
    clid        varchar(80)  NOT NULL DEFAULT '',
    src         varchar(80)  NOT NULL DEFAULT '',
    dst         varchar(80)  NOT NULL DEFAULT '',
    dcontext    varchar(80)  NOT NULL DEFAULT '',
    channel     varchar(80)  NOT NULL DEFAULT '',
    dstchannel  varchar(80)  NOT NULL DEFAULT '',
    lastapp     varchar(80)  NOT NULL DEFAULT '',
    lastdata    varchar(80)  NOT NULL DEFAULT '',
    duration    bigint       NOT NULL DEFAULT 0,
    billsec     bigint       NOT NULL DEFAULT 0,
    disposition varchar(45)  NOT NULL DEFAULT '',
    amaflags    bigint       NOT NULL DEFAULT 0,
    accountcode varchar(20)  NOT NULL DEFAULT '',
    uniqueid    varchar(150) NOT NULL DEFAULT '',
    userfield   varchar(255) NOT NULL DEFAULT '',
    peeraccount varchar(20)  NOT NULL DEFAULT '',
    linkedid    varchar(150) NOT NULL DEFAULT '',
    sequence    integer      NOT NULL DEFAULT 0
);
-- the CRM's backfill reads the calls begun within a gap
CREATE INDEX cdr_calldate_idx ON cdr (calldate);
