-- Statistics over supervision instruments (issue 5): the date an instrument was issued (制发日期), which puts an opinion
-- letter into a period, written by the instrument commit's own statement like the other list columns.
ALTER TABLE supervision_instruments ADD COLUMN issued_on date NULL;

-- Instruments committed before this script have the date only in their snapshot (InstrumentSnapshot.Instrument, an ISO date, left out while not issued).
UPDATE supervision_instruments
   SET issued_on = (snapshot -> 'instrument' ->> 'issuedOn')::date
 WHERE snapshot -> 'instrument' ? 'issuedOn';

-- Opinion letters issued in a period: a range over the issue date, with every column a filter or scope reads, so the
-- count is an index-only scan. Drafts and discarded drafts have no issue date and no entry.
CREATE INDEX supervision_instruments_statistics_issued ON supervision_instruments (kind, issued_on)
    INCLUDE (agency_id, agency_region_path, issuing_body_id, supervisor_region_path)
    WHERE issued_on IS NOT NULL;

-- An agency's open instruments (issued, not yet accepted or closed): the partial index holds only those, keyed by the
-- agency for its profile and read whole for the supervisor's view. Its predicate is OpenInstruments.Statuses, written
-- out again by the queries so that the planner may use it.
CREATE INDEX supervision_instruments_statistics_open ON supervision_instruments (agency_id)
    INCLUDE (kind, overdue, agency_region_path, issuing_body_id, supervisor_region_path)
    WHERE status IN ('issued', 'received', 'rectificationReported', 'sentBack', 'overdue');
