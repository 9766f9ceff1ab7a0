-- The statistics scenario's data: the reminders data set (casegrains_bench) holds only open cases received within two
-- months, so on a COPY of it (never on casegrains_bench itself, which is read only) this spreads receipt over
-- 2024-01-01 to 2026-09-26 and gives 85% of the cases an ending 20 to 80 days after receipt, a third of those a
-- decision (a third of the decisions with a finding), from a hash of the case id (the same every run). An UPDATE of a
-- million rows writes an entry into every index for each (over 15 minutes on the shared machine before it was
-- cancelled); this copies the table with its new columns, swaps it in and rebuilds the same indexes (about 5 minutes).
-- The foreign keys to cases of case_history and bench_due_cases are dropped: the copy is for reading only.
-- The statistics rollup (0210) would keep counting the replaced cases, and its trigger functions take a case row, so a
-- data set built after 0210 loses it here (table, triggers, functions and its migration record): apply 0210 again after
-- this script, which counts the new cases.
DO $$
DECLARE
    definitions text[];
    definition text;
BEGIN
    IF to_regclass('case_statistics_rollup') IS NOT NULL THEN
        DROP FUNCTION case_statistics_rollup_apply() CASCADE;
        DROP FUNCTION case_statistics_rollup_add(cases, bigint, boolean);
        DROP TABLE case_statistics_rollup;
        DELETE FROM schema_migrations WHERE name = '0210_case_statistics_rollup';
    END IF;
    SELECT array_agg(indexdef) INTO definitions FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'cases';
    CREATE TABLE cases_synthesised (LIKE cases INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE) WITH (fillfactor = 70);
    INSERT INTO cases_synthesised
    SELECT c.case_id, c.version, c.snapshot, c.status, c.receiving_body_id, c.competent_body_id, c.respondent_agency_id,
           c.intake_point_id, c.region_path, c.channel, c.enterprise_related, c.applicant_name, c.agency_name,
           d.received_on, c.nearest_due_on, c.updated_at, c.applicant_user_id,
           CASE WHEN d.h % 100 < 85 AND d.h % 9 <> 0 THEN d.received_on + 3 END,
           e.ending,
           CASE WHEN e.ending IS NOT NULL THEN d.received_on + 20 + d.h % 60 END,
           CASE WHEN e.ending = 'decided' THEN (ARRAY['alter', 'annul', 'partiallyAnnul', 'declareUnlawful', 'orderPerformance',
                                                      'declareVoid', 'uphold', 'rejectClaim', 'dismissApplication'])[1 + d.h % 9] END,
           CASE WHEN e.ending = 'decided' AND d.h % 3 = 0
                THEN ARRAY[(ARRAY['procedure', 'facts', 'legalBasis', 'improperDiscretion', 'exceedingAuthority', 'inaction', 'other'])[1 + d.h / 3 % 7]]
                ELSE '{}' END,
           coalesce(e.ending = 'decided' AND d.h % 17 = 0, false)
      FROM cases c
     CROSS JOIN LATERAL (SELECT abs(hashtext(c.case_id)) AS h) hh
     CROSS JOIN LATERAL (SELECT hh.h, DATE '2024-01-01' + hh.h % 1000 AS received_on) d
     CROSS JOIN LATERAL (SELECT CASE WHEN d.h % 100 >= 85 THEN NULL
                                     WHEN d.h % 9 = 0 THEN (ARRAY['resolvedBeforeFiling', 'notAccepted', 'abandoned'])[1 + d.h / 9 % 3]
                                     WHEN d.h / 100 % 3 = 0 THEN 'decided'
                                     ELSE (ARRAY['withdrawn', 'withdrawnAfterAgencyCorrected', 'settled', 'mediated', 'terminated'])[1 + d.h / 7 % 5]
                                END AS ending) e;
    ALTER TABLE case_history DROP CONSTRAINT IF EXISTS case_history_case_id_fkey;
    ALTER TABLE bench_due_cases DROP CONSTRAINT IF EXISTS bench_due_cases_case_id_fkey;
    DROP TABLE cases;
    ALTER TABLE cases_synthesised RENAME TO cases;
    FOREACH definition IN ARRAY definitions LOOP
        EXECUTE definition;
    END LOOP;
END
$$;
VACUUM ANALYZE cases;
