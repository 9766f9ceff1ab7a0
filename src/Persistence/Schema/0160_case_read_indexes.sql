-- Fewer indexes on cases, each read index-only by the list and the statistics (issues 5 and 7). Every commit locks
-- every index of cases (PostgreSQL 15 keeps only 16 relation locks per backend on its fast path, the rest wait on
-- LWLock:LockManager), and every update that cannot be HOT writes an entry into each. 17 indexes become 13: four
-- pairs whose reads one wider index serves as well, the trigram pair folded into one GIN.
--
-- The indexes are built while the script holds the table (no commit of a case waits less than the build): at a
-- million cases on the shared 2-core machine the script took about 2 minutes (README, Performance).

-- Text search: one GIN with a column per name. "applicant_name ILIKE p OR agency_name ILIKE p" is a BitmapOr of two
-- scans of the same index.
DROP INDEX cases_applicant_name_trgm;
DROP INDEX cases_agency_name_trgm;
CREATE INDEX cases_names_trgm ON cases USING gin (applicant_name gin_trgm_ops, agency_name gin_trgm_ops);

-- The received sorts and the received cohort of the statistics read the same key (received_on); the sort's index now
-- carries the cohort's columns, so the cohort stays an index-only scan.
DROP INDEX cases_statistics_received;
DROP INDEX cases_received;
CREATE INDEX cases_received ON cases (received_on, case_id)
    INCLUDE (region_path, competent_body_id, receiving_body_id, respondent_agency_id, ending);

-- An agency profile's open cases are read from the agency's entries of the list-filter index (0150), which now
-- carries ended_on and the region: an index-only scan of the agency's range instead of a partial index of its own.
DROP INDEX cases_statistics_open;
DROP INDEX cases_agency_status_channel_due;
CREATE INDEX cases_agency_status_channel_due ON cases (respondent_agency_id, status, channel, nearest_due_on, case_id)
    INCLUDE (competent_body_id, receiving_body_id, region_path, ended_on);

-- An agency profile's decisions by type and their findings by month are read from the ended cohort's index, which now
-- carries the findings: the period's range, filtered by agency on the index entry.
DROP INDEX cases_statistics_decisions;
DROP INDEX cases_statistics_ended;
CREATE INDEX cases_statistics_ended ON cases (ended_on)
    INCLUDE (region_path, competent_body_id, receiving_body_id, respondent_agency_id, ending, decision_type,
             accepted_on, decision_overdue, findings)
    WHERE ended_on IS NOT NULL;
