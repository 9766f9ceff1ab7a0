-- Fewer indexes on cases, each read index-only by the list and the statistics (issues 5 and 7). Every commit locks
-- every index of cases (PostgreSQL 15 keeps only 16 relation locks per backend on its fast path, the rest wait on
-- LWLock:LockManager), and every update that cannot be HOT writes an entry into each. 17 indexes become 14: the
-- received sort's and the received cohort's become one, the list-filter index takes over the open cases' partial
-- index, and the trigram pair becomes one GIN. The profile's decisions keep their
-- partial index (0130): read from the ended cohort's index instead, an agency's decisions of all time cost 0.2 CPU-s,
-- walking every ended case, against a few thousand entries.
--
-- The indexes are built while the script holds the table, so commits of cases wait for the builds: at a million
-- cases on the shared 2-core machine the script took 25 s (README, Performance).

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
