-- The statistics rollup (0210) is written at commit, in the order of its key, instead of row by row as the commit's
-- statements run. Row by row, a batch of the commit batcher locked the rollup rows of its cases in case id order, and
-- another batch with cases of the same agencies in another order could lock them the other way round: with receipts
-- against three agencies of one body, transitions-http had 46 deadlocks in two minutes, each holding both batches for a
-- second (deadlock_timeout) before one was rolled back and its commits ran again one by one (262 case actions/s, p99
-- 2.2 s, against 709/s and 0.3 s with the rollup's triggers off). Now each row's contribution goes into
-- case_statistics_rollup_pending, which nothing else reads and no lock guards, and a deferred trigger adds the
-- transaction's contributions up and applies them to the rollup when it commits, sorted by the rollup's key: every
-- transaction takes its rollup rows in the same order, and holds them from that moment to its commit only. A figure
-- still counts a commit exactly when the case table shows it.

-- Rows live only inside the transaction that wrote them (the fold deletes them before it commits), so the table skips
-- the WAL and a crash leaves nothing to lose. The fold finds its own rows by the transaction id, through the index:
-- the deleted rows of earlier transactions stay in the heap until autovacuum, and a scan of them all would grow with the
-- rate. The first row a transaction adds (first_in_transaction) is the one the deferred trigger fires for.
CREATE UNLOGGED TABLE case_statistics_rollup_pending (
    xact                 xid8    NOT NULL DEFAULT pg_current_xact_id(),
    first_in_transaction boolean NOT NULL,
    LIKE case_statistics_rollup
);

CREATE INDEX case_statistics_rollup_pending_xact ON case_statistics_rollup_pending (xact);

CREATE OR REPLACE FUNCTION case_statistics_rollup_add(c cases, sign bigint, with_received boolean) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    first boolean;
BEGIN
    IF NOT with_received AND c.ended_on IS NULL THEN
        RETURN;
    END IF;

    -- Read from the table itself: rows a rolled-back savepoint added are gone, and so is the trigger event of the one
    -- among them that was marked, so the next row is marked again.
    first := NOT EXISTS (SELECT FROM case_statistics_rollup_pending WHERE xact = pg_current_xact_id());

    IF with_received THEN
        INSERT INTO case_statistics_rollup_pending
            (first_in_transaction, whole_month, day, region_path, competent_body_id, receiving_body_id,
             respondent_agency_id, ending, decision_type, received, ended, ended_after_acceptance,
             ended_within_decision_period)
        VALUES (first, false, c.received_on, c.region_path, c.competent_body_id, c.receiving_body_id,
                c.respondent_agency_id, c.ending, c.decision_type, sign, 0, 0, 0),
               (false, true, date_trunc('month', c.received_on::timestamp)::date, c.region_path, c.competent_body_id,
                c.receiving_body_id, c.respondent_agency_id, c.ending, c.decision_type, sign, 0, 0, 0);
        first := false;
    END IF;

    IF c.ended_on IS NOT NULL THEN
        INSERT INTO case_statistics_rollup_pending
            (first_in_transaction, whole_month, day, region_path, competent_body_id, receiving_body_id,
             respondent_agency_id, ending, decision_type, received, ended, ended_after_acceptance,
             ended_within_decision_period)
        SELECT first AND NOT month, month,
               CASE WHEN month THEN date_trunc('month', c.ended_on::timestamp)::date ELSE c.ended_on END,
               c.region_path, c.competent_body_id, c.receiving_body_id, c.respondent_agency_id, c.ending, c.decision_type,
               0, sign,
               CASE WHEN c.accepted_on IS NOT NULL THEN sign ELSE 0 END,
               CASE WHEN c.accepted_on IS NOT NULL AND NOT c.decision_overdue THEN sign ELSE 0 END
          FROM unnest(ARRAY[false, true]) AS month;
    END IF;
END
$$;

-- Sums of zero (a case decided and reopened in one transaction) are added like any other, as before.
CREATE FUNCTION case_statistics_rollup_fold_pending() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    WITH taken AS (
        DELETE FROM case_statistics_rollup_pending WHERE xact = pg_current_xact_id() RETURNING *
    ),
    summed AS (
        SELECT whole_month, day, region_path, competent_body_id, receiving_body_id, respondent_agency_id, ending,
               decision_type, sum(received) AS received, sum(ended) AS ended,
               sum(ended_after_acceptance) AS ended_after_acceptance,
               sum(ended_within_decision_period) AS ended_within_decision_period
          FROM taken
         GROUP BY whole_month, day, region_path, competent_body_id, receiving_body_id, respondent_agency_id, ending,
                  decision_type
    )
    INSERT INTO case_statistics_rollup AS d
    SELECT * FROM summed
     ORDER BY whole_month, day, respondent_agency_id, region_path, competent_body_id, receiving_body_id, ending,
              decision_type
    ON CONFLICT ON CONSTRAINT case_statistics_rollup_key DO UPDATE
        SET received = d.received + EXCLUDED.received,
            ended = d.ended + EXCLUDED.ended,
            ended_after_acceptance = d.ended_after_acceptance + EXCLUDED.ended_after_acceptance,
            ended_within_decision_period = d.ended_within_decision_period + EXCLUDED.ended_within_decision_period;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER case_statistics_rollup_fold_at_commit AFTER INSERT ON case_statistics_rollup_pending
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (NEW.first_in_transaction)
    EXECUTE FUNCTION case_statistics_rollup_fold_pending();
