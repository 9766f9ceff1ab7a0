-- An instrument's citations (the cases it cites) as rows of their own, so that a cite writes the cases it adds and not
-- every case the notice ever cited (issue 7: one pattern notice absorbs every case of its flaw against an agency).
-- supervision_instruments.snapshot keeps the rest of the instrument with an empty citations list; the instrument puts the
-- rows back in its citation order when it loads.
CREATE TABLE IF NOT EXISTS instrument_citations (
    instrument_id text COLLATE "C" NOT NULL REFERENCES supervision_instruments (instrument_id),
    case_id       text COLLATE "C" NOT NULL CHECK (case_id <> ''),
    citation      jsonb NOT NULL CHECK (jsonb_typeof(citation) = 'object'),
    PRIMARY KEY (instrument_id, case_id)
);

-- Instruments written before this script hold their citations inside the snapshot: moved out here, so that the grain
-- reads every instrument one way. Running it again finds nothing left to move.
INSERT INTO instrument_citations (instrument_id, case_id, citation)
SELECT i.instrument_id, c.citation ->> 'caseId', c.citation
  FROM supervision_instruments i,
       jsonb_array_elements(i.snapshot -> 'instrument' -> 'citations') AS c (citation)
 WHERE jsonb_typeof(i.snapshot -> 'instrument' -> 'citations') = 'array'
ON CONFLICT (instrument_id, case_id) DO NOTHING;

UPDATE supervision_instruments
   SET snapshot = jsonb_set(snapshot, '{instrument,citations}', '[]'::jsonb)
 WHERE jsonb_typeof(snapshot -> 'instrument' -> 'citations') = 'array'
   AND jsonb_array_length(snapshot -> 'instrument' -> 'citations') > 0;
