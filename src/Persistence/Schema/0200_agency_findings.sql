-- An agency's findings (one per case or complaint) as rows of their own, so that a commit of the agency's record writes
-- the findings it added or replaced and not every finding the record ever held (issues 5 and 7). agency_records.snapshot
-- keeps the rest of the record (name, region, notices) with an empty findings list; position is the order the findings
-- were first recorded in, which a replaced finding keeps.
CREATE TABLE IF NOT EXISTS agency_findings (
    agency_id text COLLATE "C" NOT NULL REFERENCES agency_records (agency_id),
    case_id   text COLLATE "C" NOT NULL CHECK (case_id <> ''),
    position  integer NOT NULL CHECK (position >= 0),
    finding   jsonb   NOT NULL CHECK (jsonb_typeof(finding) = 'object'),
    PRIMARY KEY (agency_id, case_id)
);

-- Records written before this script hold their findings inside the snapshot: moved out here, in the order they were
-- held, so that the agency grain reads every record one way. Running it again finds nothing left to move.
INSERT INTO agency_findings (agency_id, case_id, position, finding)
SELECT r.agency_id, f.finding ->> 'caseId', (f.ordinal - 1)::integer, f.finding
  FROM agency_records r,
       jsonb_array_elements(r.snapshot -> 'findings') WITH ORDINALITY AS f (finding, ordinal)
 WHERE jsonb_typeof(r.snapshot -> 'findings') = 'array'
ON CONFLICT (agency_id, case_id) DO NOTHING;

UPDATE agency_records
   SET snapshot = jsonb_set(snapshot, '{findings}', '[]'::jsonb)
 WHERE jsonb_typeof(snapshot -> 'findings') = 'array' AND jsonb_array_length(snapshot -> 'findings') > 0;
