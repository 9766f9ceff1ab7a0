-- Cases: the snapshot each case grain commits, its append-only history (办案全过程记录) and the list index,
-- all written by one statement per decision (PostgresCaseStore.AppendAsync).

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Identifiers and paths use the "C" collation: byte order, the same as ordinal comparison in .NET, whatever
-- the database's default locale. That keeps sort ties (case_id) identical to the in-memory store, and lets a
-- plain btree on region_path serve prefix (subtree) ranges.
CREATE TABLE cases (
    case_id              text COLLATE "C" PRIMARY KEY,
    version              bigint      NOT NULL CHECK (version > 0),
    snapshot             jsonb       NOT NULL,
    status               text        NOT NULL,
    receiving_body_id    text COLLATE "C" NOT NULL,
    competent_body_id    text COLLATE "C" NOT NULL,
    respondent_agency_id text COLLATE "C" NOT NULL,
    intake_point_id      text COLLATE "C" NOT NULL,
    region_path          text COLLATE "C" NOT NULL,
    channel              text        NOT NULL,
    enterprise_related   boolean     NOT NULL,
    applicant_name       text        NOT NULL,
    agency_name          text        NOT NULL,
    received_on          date        NOT NULL,
    nearest_due_on       date        NULL,
    updated_at           timestamptz NOT NULL
);

-- Default sort (NearestDeadline): ORDER BY nearest_due_on ASC NULLS LAST, case_id reads this index in order and
-- stops after one page; it also serves the DueBefore and Overdue ranges.
CREATE INDEX cases_nearest_due ON cases (nearest_due_on, case_id);

-- Received sorts: newest first (received_on DESC, case_id DESC) is this index read backwards.
CREATE INDEX cases_received ON cases (received_on, case_id);

-- The usual lists are "one body's (or agency's) cases by deadline": equality on the leading column, then the
-- index order is the default sort. Each also serves its filter alone.
CREATE INDEX cases_competent_body_due ON cases (competent_body_id, nearest_due_on, case_id);
CREATE INDEX cases_receiving_body_due ON cases (receiving_body_id, nearest_due_on, case_id);
CREATE INDEX cases_respondent_agency_due ON cases (respondent_agency_id, nearest_due_on, case_id);
CREATE INDEX cases_status_due ON cases (status, nearest_due_on, case_id);

-- Region subtree: region_path >= '/R210000/R210100/' AND region_path < '/R210000/R2101000' (byte order).
CREATE INDEX cases_region_path ON cases (region_path);

-- Case-insensitive substring search (ILIKE '%...%') on either name.
CREATE INDEX cases_applicant_name_trgm ON cases USING gin (applicant_name gin_trgm_ops);
CREATE INDEX cases_agency_name_trgm ON cases USING gin (agency_name gin_trgm_ops);

CREATE TABLE case_history (
    case_id               text COLLATE "C" NOT NULL REFERENCES cases (case_id),
    seq                   bigint      NOT NULL CHECK (seq > 0),
    at                    timestamptz NOT NULL,
    actor_user_id         text        NOT NULL,
    actor_organisation_id text        NOT NULL,
    action                text        NOT NULL,
    reason                text        NULL,
    payload               jsonb       NOT NULL,
    idempotency_key       text        NULL,
    PRIMARY KEY (case_id, seq)
);

-- A command carrying an idempotency key is applied to a case at most once.
CREATE UNIQUE INDEX case_history_idempotency_key ON case_history (case_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;

-- The history is append-only, whoever connects: statement-level, so even an UPDATE or DELETE that matches no
-- row is refused, and TRUNCATE too.
CREATE FUNCTION case_history_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'case_history is append-only: % refused', TG_OP
        USING ERRCODE = 'integrity_constraint_violation',
              HINT = 'Record a correction as a new history entry.';
END;
$$;

CREATE TRIGGER case_history_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON case_history
    FOR EACH STATEMENT EXECUTE FUNCTION case_history_refuse_change();
