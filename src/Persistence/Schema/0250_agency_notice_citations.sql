-- The cases each notice of an agency's record cites, as rows of their own (issue 7): an open notice absorbs every new case
-- of its flaw, so inside the snapshot its citations made every commit of a busy agency rewrite (and the store parse) all
-- of them. agency_records.snapshot keeps each notice with an empty citedCaseIds list; a commit inserts the citations it
-- added. The rows carry no order: the record sorts a notice's citations by the day of each case's finding when it is read.
CREATE TABLE IF NOT EXISTS agency_notice_citations (
    agency_id text COLLATE "C" NOT NULL REFERENCES agency_records (agency_id),
    notice_id text COLLATE "C" NOT NULL CHECK (notice_id <> ''),
    case_id   text COLLATE "C" NOT NULL CHECK (case_id <> ''),
    PRIMARY KEY (agency_id, notice_id, case_id)
);

-- Records written before this script hold their citations inside the snapshot: moved out here, then emptied there, so
-- that the agency grain reads every record one way. Running it again finds nothing left to move. The CASEs keep the set
-- functions away from anything that is not an array (a notice without citations, an odd snapshot), which would fail.
INSERT INTO agency_notice_citations (agency_id, notice_id, case_id)
SELECT r.agency_id, n.notice ->> 'id', c.case_id
  FROM agency_records r,
       jsonb_array_elements(CASE WHEN jsonb_typeof(r.snapshot -> 'notices') = 'array' THEN r.snapshot -> 'notices' END) AS n (notice),
       jsonb_array_elements_text(CASE WHEN jsonb_typeof(n.notice -> 'citedCaseIds') = 'array' THEN n.notice -> 'citedCaseIds' END) AS c (case_id)
ON CONFLICT (agency_id, notice_id, case_id) DO NOTHING;

UPDATE agency_records r
   SET snapshot = jsonb_set(r.snapshot, '{notices}', (
           SELECT jsonb_agg(
                      CASE WHEN jsonb_typeof(n.notice -> 'citedCaseIds') = 'array' THEN jsonb_set(n.notice, '{citedCaseIds}', '[]'::jsonb) ELSE n.notice END
                      ORDER BY n.ordinal)
             FROM jsonb_array_elements(r.snapshot -> 'notices') WITH ORDINALITY AS n (notice, ordinal)))
 WHERE jsonb_typeof(r.snapshot -> 'notices') = 'array'
   AND EXISTS (
           SELECT 1
             FROM jsonb_array_elements(CASE WHEN jsonb_typeof(r.snapshot -> 'notices') = 'array' THEN r.snapshot -> 'notices' END) AS n (notice)
            WHERE jsonb_typeof(n.notice -> 'citedCaseIds') = 'array' AND n.notice -> 'citedCaseIds' <> '[]'::jsonb);
