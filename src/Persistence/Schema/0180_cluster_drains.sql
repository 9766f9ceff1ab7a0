-- Drain requests (README, "Cluster operations"): every request an administrator makes to take a silo out of the
-- cluster, who made it, when and why, and what came of it. Written by the gateway that takes the request and by the
-- silo itself as it leaves (PostgresDrainLog). Kept, never deleted: it is the cluster's operations record.

CREATE TABLE IF NOT EXISTS cluster_drains (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The silo's membership id (SiloAddress.ToParsableString()) and its name at the time.
    silo_id      text COLLATE "C" NOT NULL,
    silo_name    text        NOT NULL,
    requested_by text        NOT NULL,
    requested_at timestamptz NOT NULL,
    reason       text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    -- DrainStatus's .NET names: Requested until the silo answers, then Draining, Unreachable or Refused (refusal
    -- names the rule), and Left once the silo has shut down.
    status       text        NOT NULL CHECK (status IN ('Requested', 'Draining', 'Unreachable', 'Refused', 'Left')),
    refusal      text,
    left_at      timestamptz,
    CHECK ((status = 'Refused') = (refusal IS NOT NULL)),
    CHECK ((status = 'Left') = (left_at IS NOT NULL))
);

-- A leaving silo finds its open requests through it; the list reads newest first.
CREATE INDEX IF NOT EXISTS cluster_drains_open ON cluster_drains (silo_id) WHERE status IN ('Requested', 'Draining');
CREATE INDEX IF NOT EXISTS cluster_drains_requested_at ON cluster_drains (requested_at DESC, id DESC);
