-- Outbound record store, version 1: records, their numbers, their history, and import jobs.
-- Instants used for selection are epoch nanoseconds (bigint); the exact record is in body.
-- Keys sort in code point order ("C" collation), as RecordKey compares them.

CREATE TABLE outbound_record (
    campaign        text COLLATE "C" NOT NULL,
    ref             text COLLATE "C" NOT NULL,
    -- bumped on every write of the row: an optimistic writer can tell whether it changed
    version         bigint  NOT NULL DEFAULT 1,
    status          text    NOT NULL,
    dialable        boolean NOT NULL,
    -- load class among shared records: 1 rescheduled by dialer, 2 by an agent, 3 not assigned
    shared_class    smallint NOT NULL,
    due_at          bigint  NOT NULL,
    priority        integer NOT NULL,
    list            text    NOT NULL,
    agent           text,
    callback_agent  text,
    callback_pref   text,
    callback_at     bigint,
    last_contacted  bigint,
    wrap_code       text,
    reason_major    text,
    reason_minor    text,
    fields          jsonb   NOT NULL,
    body            bytea   NOT NULL,
    lease_owner     text,
    lease_token     bigint,
    lease_expires   bigint,
    PRIMARY KEY (campaign, ref)
);

-- Due-record selection for any agent: walked in load order (class, priority, due time, reference).
-- A claimed row leaves this index while its lease is recorded, so that claims never walk over the
-- rows claimed before them; rows whose lease ran out are found by outbound_record_lease.
CREATE INDEX outbound_record_shared_due ON outbound_record
    (campaign, shared_class, priority DESC, due_at, ref)
    WHERE dialable AND agent IS NULL AND lease_owner IS NULL;
-- An agent's own records: assigned to it, or reserved for it by a callback.
CREATE INDEX outbound_record_agent ON outbound_record (campaign, agent) WHERE agent IS NOT NULL;
CREATE INDEX outbound_record_callback_agent ON outbound_record (campaign, callback_agent)
    WHERE callback_agent IS NOT NULL;
-- Query filters.
CREATE INDEX outbound_record_status ON outbound_record (campaign, status, ref);
CREATE INDEX outbound_record_list ON outbound_record (campaign, list, ref);
CREATE INDEX outbound_record_contacted ON outbound_record (campaign, last_contacted)
    WHERE last_contacted IS NOT NULL;
CREATE INDEX outbound_record_fields ON outbound_record USING gin (fields jsonb_path_ops);
-- Recorded leases: by expiry, for the claims that take over expired ones; by owner, for a node's leases.
CREATE INDEX outbound_record_lease ON outbound_record (campaign, lease_expires) WHERE lease_owner IS NOT NULL;
CREATE INDEX outbound_record_lease_owner ON outbound_record (lease_owner, lease_expires) WHERE lease_owner IS NOT NULL;

CREATE TABLE outbound_phone (
    campaign   text COLLATE "C" NOT NULL,
    ref        text COLLATE "C" NOT NULL,
    position   smallint NOT NULL,
    -- the number's digits without '+', and the same reversed for suffix searches
    digits     text COLLATE "C" NOT NULL,
    reversed   text COLLATE "C" NOT NULL,
    PRIMARY KEY (campaign, ref, position),
    FOREIGN KEY (campaign, ref) REFERENCES outbound_record (campaign, ref) ON DELETE CASCADE
);
-- Exact and prefix searches use digits, suffix searches reversed ("C" collation: LIKE 'x%' uses the b-tree).
CREATE INDEX outbound_phone_digits ON outbound_phone (digits);
CREATE INDEX outbound_phone_reversed ON outbound_phone (reversed);

CREATE TABLE outbound_interaction (
    campaign   text COLLATE "C" NOT NULL,
    ref        text COLLATE "C" NOT NULL,
    seq        bigserial NOT NULL,
    id         text   NOT NULL,
    at         bigint NOT NULL,
    body       bytea  NOT NULL,
    PRIMARY KEY (campaign, ref, id),
    FOREIGN KEY (campaign, ref) REFERENCES outbound_record (campaign, ref) ON DELETE CASCADE
);
CREATE INDEX outbound_interaction_latest ON outbound_interaction (campaign, ref, at DESC, seq DESC);

-- One counter for every lease of the store: no two claims get the same token.
CREATE SEQUENCE outbound_lease_token;

-- Import jobs: where each import stopped. A batch and its job row are written in one transaction.
CREATE TABLE outbound_import_job (
    job_id      text PRIMARY KEY,
    source      text   NOT NULL,
    state       text   NOT NULL,
    -- rows of the source consumed by committed batches: a resumed import skips them
    rows_done   bigint NOT NULL DEFAULT 0,
    batches     bigint NOT NULL DEFAULT 0,
    started_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Which records each import created or replaced, so that a job can be rolled back.
CREATE TABLE outbound_import_write (
    job_id     text NOT NULL REFERENCES outbound_import_job (job_id) ON DELETE CASCADE,
    campaign   text COLLATE "C" NOT NULL,
    ref        text COLLATE "C" NOT NULL,
    -- the record before the import replaced it, or null when the import created it
    before     bytea,
    -- the row's version after the import's last write of it: a rollback leaves rows written since
    version    bigint NOT NULL,
    PRIMARY KEY (job_id, campaign, ref)
);
