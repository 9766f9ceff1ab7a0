-- The names a list's text filter searches move to a narrow table of their own, written when a case is received and
-- when a name changes, instead of being indexed on cases. An update of cases that is not HOT (most actions change the
-- status or the nearest deadline, both indexed) writes an entry into every index of the table, and the two name GINs
-- were the dearest of them: the short pieces' expression runs an SQL function, parsed and planned at each call. Dropping
-- them cut PostgreSQL's CPU per case action by 11-20% in transitions-http. cases keeps its name columns, which the list
-- rows and the store read; case_names is their copy, kept by the triggers below in the statement that writes the case.

-- The one- and two-character pieces of the names (0230) are stored with them, computed once when the names are written:
-- a list that walks cases in deadline order and checks each one's names then compares two arrays instead of computing
-- the pieces (0.07 ms a row; a page of 马静 took 0.9 s that way). The function is now PL/pgSQL: as an SQL function
-- whose body has a subquery it was parsed and planned at every call (fmgr_sql was 5% of PostgreSQL's CPU in
-- transitions-http while it was an index expression on cases); PL/pgSQL keeps the query's plan for the session. Its
-- result is the same.
CREATE OR REPLACE FUNCTION case_names_short_grams(applicant_name text, agency_name text) RETURNS text[]
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    RETURN ARRAY(
        SELECT DISTINCT substr(name, start, length)
          FROM unnest(ARRAY[lower(applicant_name), lower(agency_name)]) AS name,
               generate_series(1, char_length(name)) AS start,
               generate_series(1, 2) AS length
         WHERE start + length - 1 <= char_length(name));
END
$$;

CREATE TABLE case_names (
    case_id        text COLLATE "C" PRIMARY KEY,
    applicant_name text NOT NULL,
    agency_name    text NOT NULL,
    short_grams    text[] GENERATED ALWAYS AS (case_names_short_grams(applicant_name, agency_name)) STORED
);

CREATE FUNCTION case_names_write() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO case_names (case_id, applicant_name, agency_name)
    VALUES (NEW.case_id, NEW.applicant_name, NEW.agency_name)
    ON CONFLICT (case_id) DO UPDATE SET applicant_name = EXCLUDED.applicant_name, agency_name = EXCLUDED.agency_name;
    RETURN NULL;
END
$$;

-- Created before the copy below: they hold cases against writes (SHARE ROW EXCLUSIVE) until this script commits, so
-- no case is written between the copy and the triggers.
CREATE TRIGGER cases_names_insert AFTER INSERT ON cases
    FOR EACH ROW EXECUTE FUNCTION case_names_write();

CREATE TRIGGER cases_names_update AFTER UPDATE ON cases
    FOR EACH ROW
    WHEN (OLD.applicant_name IS DISTINCT FROM NEW.applicant_name OR OLD.agency_name IS DISTINCT FROM NEW.agency_name)
    EXECUTE FUNCTION case_names_write();

INSERT INTO case_names (case_id, applicant_name, agency_name)
SELECT case_id, applicant_name, agency_name FROM cases;

-- The two indexes that were on cases (0160, 0230), built after the copy.
CREATE INDEX case_names_trgm ON case_names USING gin (applicant_name gin_trgm_ops, agency_name gin_trgm_ops);
CREATE INDEX case_names_short_grams ON case_names USING gin (short_grams);

DROP INDEX cases_names_trgm;
DROP INDEX cases_names_short_grams;
