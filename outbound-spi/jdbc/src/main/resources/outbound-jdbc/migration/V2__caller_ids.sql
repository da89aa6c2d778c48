-- Outbound caller-id pools (DidStore), version 3: each campaign's DIDs and the uses its per-DID
-- caps count. Numbers are E.164 text; instants are epoch nanoseconds (bigint), as in version 1.

-- One row per campaign that has a pool: the number presented when no DID fits.
CREATE TABLE outbound_did_pool (
    campaign        text COLLATE "C" PRIMARY KEY,
    default_number  text NOT NULL
);

-- The pool's DIDs, in pool order (position from 0); a retired DID stays, never chosen again.
CREATE TABLE outbound_did (
    campaign   text COLLATE "C" NOT NULL REFERENCES outbound_did_pool (campaign) ON DELETE CASCADE,
    number     text COLLATE "C" NOT NULL,
    position   integer NOT NULL,
    label      text,
    retired    boolean NOT NULL DEFAULT false,
    PRIMARY KEY (campaign, number)
);
CREATE INDEX outbound_did_position ON outbound_did (campaign, position);

-- One row per call that presented a number: what the caps count after a restart and across nodes.
-- seq keeps the recorded order of uses at one instant. Not tied to a pool: the default and a fixed
-- number are counted too, and a pool may be replaced without losing its uses.
CREATE TABLE outbound_did_use (
    campaign   text COLLATE "C" NOT NULL,
    seq        bigserial NOT NULL,
    number     text COLLATE "C" NOT NULL,
    at         bigint NOT NULL,
    PRIMARY KEY (campaign, seq)
);
CREATE INDEX outbound_did_use_at ON outbound_did_use (campaign, at, seq);
