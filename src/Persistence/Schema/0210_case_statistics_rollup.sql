-- Statistics at a million cases (issue 5): the figures' counts pre-aggregated per day and per calendar month.
-- Aggregating the cases' covering indexes cost one index entry per case counted (1.85 million for a province's figures
-- of all time: 1.4 s on a quiet machine); this table holds one row per day, and one per month (whole_month, day its
-- first day), for each combination of the columns a filter, a scope or a figure reads. A period sums the month rows of
-- its whole months and the day rows of its days outside them (PostgresCaseStatistics): a year is twelve months' rows,
-- 15 January to 14 March is February's rows and 45 days' rows.
--
-- A case adds received to the rows of its received_on (its day's and its month's) and, once ended, ended,
-- ended_after_acceptance and ended_within_decision_period to those of its ended_on. A row keeps the case's ending and
-- decision type as they are, so which of them count toward which figure stays in the domain (CaseEndingFigures), passed
-- by the store as array parameters as before: that key costs more rows than a count per figure would, but no
-- definition is spelt here.
-- Open cases are the received rows whose ending is NULL (cases_ending_has_date: an ending has its date).
CREATE TABLE case_statistics_rollup (
    whole_month                  boolean NOT NULL,
    day                          date    NOT NULL,
    region_path                  text    COLLATE "C" NOT NULL,
    competent_body_id            text    COLLATE "C" NOT NULL,
    receiving_body_id            text    COLLATE "C" NOT NULL,
    respondent_agency_id         text    COLLATE "C" NOT NULL,
    ending                       text    NULL,
    decision_type                text    NULL,
    received                     bigint  NOT NULL,
    ended                        bigint  NOT NULL,
    ended_after_acceptance       bigint  NOT NULL,
    ended_within_decision_period bigint  NOT NULL,
    CONSTRAINT case_statistics_rollup_key UNIQUE NULLS NOT DISTINCT
        (whole_month, day, respondent_agency_id, region_path, competent_body_id, receiving_body_id, ending, decision_type)
);

-- A profile reads one agency's rows of every day (its open cases, its decisions by type).
CREATE INDEX case_statistics_rollup_agency ON case_statistics_rollup (respondent_agency_id, whole_month, day);

-- What one case row adds to the rollup (sign 1) or takes from it (sign -1): its day's rows and its month's. The received
-- rows come first, then the ended ones, day before month: every commit locks rollup rows in the same order of its own.
CREATE FUNCTION case_statistics_rollup_add(c cases, sign bigint, with_received boolean) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    month boolean;
BEGIN
    FOREACH month IN ARRAY ARRAY[false, true] LOOP
        EXIT WHEN NOT with_received;
        INSERT INTO case_statistics_rollup AS d
        VALUES (month, CASE WHEN month THEN date_trunc('month', c.received_on::timestamp)::date ELSE c.received_on END,
                c.region_path, c.competent_body_id, c.receiving_body_id, c.respondent_agency_id,
                c.ending, c.decision_type, sign, 0, 0, 0)
        ON CONFLICT ON CONSTRAINT case_statistics_rollup_key DO UPDATE SET received = d.received + sign;
    END LOOP;

    FOREACH month IN ARRAY ARRAY[false, true] LOOP
        EXIT WHEN c.ended_on IS NULL;
        INSERT INTO case_statistics_rollup AS d
        VALUES (month, CASE WHEN month THEN date_trunc('month', c.ended_on::timestamp)::date ELSE c.ended_on END,
                c.region_path, c.competent_body_id, c.receiving_body_id, c.respondent_agency_id,
                c.ending, c.decision_type, 0, sign,
                CASE WHEN c.accepted_on IS NOT NULL THEN sign ELSE 0 END,
                CASE WHEN c.accepted_on IS NOT NULL AND NOT c.decision_overdue THEN sign ELSE 0 END)
        ON CONFLICT ON CONSTRAINT case_statistics_rollup_key DO UPDATE
            SET ended = d.ended + EXCLUDED.ended,
                ended_after_acceptance = d.ended_after_acceptance + EXCLUDED.ended_after_acceptance,
                ended_within_decision_period = d.ended_within_decision_period + EXCLUDED.ended_within_decision_period;
    END LOOP;
END
$$;

-- An update takes the old row's contribution away and adds the new one's, in the case commit's own transaction: a
-- figure counts a commit exactly when the case table shows it. The received row moves only when its key does (an ending
-- or a correction of the case's parties), not on an acceptance or an overdue flag.
CREATE FUNCTION case_statistics_rollup_apply() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    received_moves boolean := TG_OP = 'INSERT'
        OR (OLD.received_on, OLD.region_path, OLD.competent_body_id, OLD.receiving_body_id, OLD.respondent_agency_id,
            OLD.ending, OLD.decision_type)
           IS DISTINCT FROM
           (NEW.received_on, NEW.region_path, NEW.competent_body_id, NEW.receiving_body_id, NEW.respondent_agency_id,
            NEW.ending, NEW.decision_type);
BEGIN
    IF TG_OP = 'UPDATE' THEN
        PERFORM case_statistics_rollup_add(OLD, -1, received_moves);
    END IF;

    PERFORM case_statistics_rollup_add(NEW, 1, received_moves);
    RETURN NULL;
END
$$;

CREATE TRIGGER cases_statistics_rollup_insert AFTER INSERT ON cases
    FOR EACH ROW EXECUTE FUNCTION case_statistics_rollup_apply();

-- Only the columns the rollup reads, so the frequent updates that change none of them (deadline steps, status changes
-- of open cases, an acceptance or an overdue flag of a case not yet ended) do not run the trigger at all.
CREATE TRIGGER cases_statistics_rollup_update AFTER UPDATE ON cases
    FOR EACH ROW
    WHEN ((OLD.received_on, OLD.region_path, OLD.competent_body_id, OLD.receiving_body_id, OLD.respondent_agency_id,
           OLD.ending, OLD.ended_on, OLD.decision_type)
          IS DISTINCT FROM
          (NEW.received_on, NEW.region_path, NEW.competent_body_id, NEW.receiving_body_id, NEW.respondent_agency_id,
           NEW.ending, NEW.ended_on, NEW.decision_type)
          OR (NEW.ended_on IS NOT NULL
              AND ((OLD.accepted_on IS NULL) <> (NEW.accepted_on IS NULL) OR OLD.decision_overdue <> NEW.decision_overdue)))
    EXECUTE FUNCTION case_statistics_rollup_apply();

-- The cases already there, counted once. The triggers above already hold cases against writes (SHARE ROW EXCLUSIVE)
-- until this script commits, so no commit falls between the count and the triggers.
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

ANALYZE case_statistics_rollup;
