-- Enforcement complaints (投诉举报, issue 5): the snapshot each complaint grain commits, its list row and its append-only,
-- hash-chained history, written by one statement per decision (PostgresComplaintStore.AppendAsync) together with the
-- complaint's rows of reminder_schedule and its notifications (both keyed by subject id since 0108; a complaint's id
-- starts with CP-). The list row holds nothing about the complainant: name and phone live only in the snapshot and the
-- history, encrypted by the grain.
CREATE TABLE complaints (
    complaint_id       text COLLATE "C" PRIMARY KEY,
    version            bigint      NOT NULL CHECK (version > 0),
    snapshot           jsonb       NOT NULL,
    status             text COLLATE "C" NOT NULL,
    kind               text COLLATE "C" NOT NULL,
    agency_id          text COLLATE "C" NOT NULL,
    agency_name        text        NOT NULL,
    region_path        text COLLATE "C" NOT NULL,
    handling_office_id text COLLATE "C" NOT NULL,
    received_on        date        NOT NULL,
    answer_due_on      date        NULL,
    answer_overdue     boolean     NOT NULL,
    substantiated      boolean     NULL,
    updated_at         timestamptz NOT NULL
) WITH (fillfactor = 70);

-- Default order (nearest answer due first) and the overdue filter; the scope and region filters are a range on the
-- region path; an office's or an agency's complaints by due date.
CREATE INDEX complaints_answer_due ON complaints (answer_due_on, complaint_id);
CREATE INDEX complaints_received ON complaints (received_on, complaint_id);
CREATE INDEX complaints_region_path ON complaints (region_path);
CREATE INDEX complaints_handling_office_due ON complaints (handling_office_id, answer_due_on, complaint_id);
CREATE INDEX complaints_agency_due ON complaints (agency_id, answer_due_on, complaint_id);

-- The same columns, chain and encoding as case_history (0102): the hash is case_history_hash over the complaint's id,
-- so HistoryChain verifies either history.
CREATE TABLE complaint_history (
    complaint_id          text COLLATE "C" NOT NULL REFERENCES complaints (complaint_id),
    seq                   bigint      NOT NULL CHECK (seq > 0),
    at                    timestamptz NOT NULL,
    actor_user_id         text        NOT NULL,
    actor_organisation_id text        NOT NULL,
    action                text        NOT NULL,
    reason                text        NULL,
    payload               jsonb       NOT NULL,
    idempotency_key       text        NULL,
    previous_hash         text        NOT NULL CHECK (previous_hash ~ '^[0-9a-f]{64}$'),
    hash                  text        NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
    PRIMARY KEY (complaint_id, seq)
);

CREATE UNIQUE INDEX complaint_history_idempotency_key ON complaint_history (complaint_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;

CREATE FUNCTION complaint_history_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'complaint_history is append-only: % refused', TG_OP
        USING ERRCODE = 'integrity_constraint_violation',
              HINT = 'Record a correction as a new history entry.';
END;
$$;

CREATE TRIGGER complaint_history_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON complaint_history
    FOR EACH STATEMENT EXECUTE FUNCTION complaint_history_refuse_change();
