-- Enforcement supervision (issue 5): each supervised agency's record, the supervision instruments (opinion letters and
-- supervision notices) with their append-only history and list columns, the gap-free document-number counters, and the
-- outbox that carries messages between subjects (a case's finding to its agency, an agency's pattern to a notice).

-- One row per agency grain: the AgencyRecord as JSON, written under optimistic concurrency on version.
CREATE TABLE agency_records (
    agency_id  text COLLATE "C" PRIMARY KEY,
    version    bigint      NOT NULL CHECK (version > 0),
    snapshot   jsonb       NOT NULL,
    updated_at timestamptz NOT NULL
);

-- One row per instrument grain (ids SI- and 16 hex digits). The columns after snapshot are what lists filter on.
CREATE TABLE supervision_instruments (
    instrument_id          text COLLATE "C" PRIMARY KEY,
    version                bigint      NOT NULL CHECK (version > 0),
    snapshot               jsonb       NOT NULL,
    kind                   text        NOT NULL,
    status                 text        NOT NULL,
    agency_id              text COLLATE "C" NOT NULL,
    agency_region_path     text COLLATE "C" NOT NULL,
    issuing_body_id        text COLLATE "C" NOT NULL,
    supervisor_region_path text COLLATE "C" NOT NULL,
    number_text            text        NULL,
    due_on                 date        NULL,
    overdue                boolean     NOT NULL,
    drafted_on             date        NOT NULL,
    updated_at             timestamptz NOT NULL
);

CREATE INDEX supervision_instruments_agency ON supervision_instruments (agency_id, instrument_id);
CREATE INDEX supervision_instruments_issuer ON supervision_instruments (issuing_body_id, instrument_id);
CREATE INDEX supervision_instruments_supervisor ON supervision_instruments (supervisor_region_path, instrument_id);
CREATE INDEX supervision_instruments_agency_region ON supervision_instruments (agency_region_path);

-- 文书全过程记录: who did what to an instrument, when and why. Append-only like case_history.
CREATE TABLE instrument_history (
    instrument_id         text COLLATE "C" NOT NULL REFERENCES supervision_instruments (instrument_id),
    seq                   bigint      NOT NULL CHECK (seq > 0),
    at                    timestamptz NOT NULL,
    actor_user_id         text        NOT NULL,
    actor_organisation_id text        NOT NULL,
    action                text        NOT NULL,
    reason                text        NULL,
    payload               jsonb       NOT NULL,
    idempotency_key       text        NULL,
    PRIMARY KEY (instrument_id, seq)
);

CREATE UNIQUE INDEX instrument_history_idempotency_key ON instrument_history (instrument_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;

CREATE TRIGGER instrument_history_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON instrument_history
    FOR EACH STATEMENT EXECUTE FUNCTION case_history_refuse_change();

-- 文号: the last sequence handed out per series (issuing body, kind, year). The issuing commit increments it in its own
-- transaction, so the row lock serialises concurrent issues of one series and a rolled-back issue gives its number back.
CREATE TABLE document_number_counters (
    issuing_body_id text COLLATE "C" NOT NULL,
    kind            text        NOT NULL,
    year            integer     NOT NULL,
    last_sequence   integer     NOT NULL CHECK (last_sequence > 0),
    PRIMARY KEY (issuing_body_id, kind, year)
);

-- Messages a subject's commit owes another grain, written in that commit and deleted when the target acknowledged them
-- (SupervisionOutbox). message_key makes a re-enqueued message (the same finding at the same version) a no-op.
CREATE TABLE supervision_outbox (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    target_kind text COLLATE "C" NOT NULL CHECK (target_kind <> ''),
    target_id   text COLLATE "C" NOT NULL CHECK (target_id <> ''),
    message_key text COLLATE "C" NOT NULL CHECK (message_key <> ''),
    message     jsonb       NOT NULL CHECK (jsonb_typeof(message) = 'object'),
    enqueued_at timestamptz NOT NULL,
    UNIQUE (target_kind, target_id, message_key)
);
