-- The statistics rollup (0210) counted again from the case rows, for a bulk load that wrote cases with the rollup's
-- triggers disabled: parallel loaders adding to the same day's and month's rows in different orders deadlock, and a
-- trigger per row is the slow way to count a million rows anyway. The count is 0210's backfill. The lock holds case
-- writers off until the caller's transaction ends, so no commit falls between the count and the rows it replaces.
CREATE FUNCTION case_statistics_rollup_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE cases IN SHARE ROW EXCLUSIVE MODE;
    DELETE FROM case_statistics_rollup;
    WITH days AS (
        SELECT day, region_path, competent_body_id, receiving_body_id, respondent_agency_id, ending, decision_type,
               sum(received) AS received, sum(ended) AS ended, sum(ended_after_acceptance) AS ended_after_acceptance,
               sum(ended_within_decision_period) AS ended_within_decision_period
          FROM (SELECT received_on AS day, region_path, competent_body_id, receiving_body_id, respondent_agency_id, ending,
                       decision_type, 1 AS received, 0 AS ended, 0 AS ended_after_acceptance, 0 AS ended_within_decision_period
                  FROM cases
                UNION ALL
                SELECT ended_on, region_path, competent_body_id, receiving_body_id, respondent_agency_id, ending, decision_type,
                       0, 1, (accepted_on IS NOT NULL)::int, (accepted_on IS NOT NULL AND NOT decision_overdue)::int
                  FROM cases
                 WHERE ended_on IS NOT NULL) contributions
         GROUP BY day, region_path, competent_body_id, receiving_body_id, respondent_agency_id, ending, decision_type)
    INSERT INTO case_statistics_rollup
    SELECT false, day, region_path, competent_body_id, receiving_body_id, respondent_agency_id, ending, decision_type,
           received, ended, ended_after_acceptance, ended_within_decision_period
      FROM days
     UNION ALL
    SELECT true, date_trunc('month', day::timestamp)::date, region_path, competent_body_id, receiving_body_id,
           respondent_agency_id, ending, decision_type,
           sum(received), sum(ended), sum(ended_after_acceptance), sum(ended_within_decision_period)
      FROM days
     GROUP BY 2, region_path, competent_body_id, receiving_body_id, respondent_agency_id, ending, decision_type;
END
$$;
