-- Statistics (issue 5): what each case contributes to the figures beyond the list columns, written by the same
-- statement as the rest of the row (PostgresCaseStore.AppendAsync, from CaseCommit.Outcome). Enum values are stored
-- camelCase, like status. A case still open and never accepted has NULLs, no findings and decision_overdue false.
ALTER TABLE cases
    ADD COLUMN accepted_on      date    NULL,
    ADD COLUMN ending           text    NULL,
    ADD COLUMN ended_on         date    NULL,
    ADD COLUMN decision_type    text    NULL,
    ADD COLUMN findings         text[]  NOT NULL DEFAULT '{}',
    ADD COLUMN decision_overdue boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT cases_ending_has_date CHECK ((ending IS NULL) = (ended_on IS NULL));

-- Cases committed before this script have their outcome only in the snapshot the grain wrote (camelCase enums, ISO
-- dates, nulls and defaults left out): copy it once, before the indexes exist. Later commits write the columns.
UPDATE cases
   SET accepted_on = (snapshot -> 'case' ->> 'acceptedOn')::date,
       ending = snapshot -> 'case' ->> 'ending',
       ended_on = (snapshot -> 'case' ->> 'endedOn')::date,
       decision_type = snapshot -> 'case' -> 'decision' ->> 'type',
       findings = ARRAY(SELECT jsonb_array_elements_text(coalesce(snapshot -> 'case' -> 'decision' -> 'findings', '[]'))),
       decision_overdue = coalesce((snapshot -> 'case' ->> 'decisionOverdue')::boolean, false)
 WHERE snapshot -> 'case' ?| ARRAY['acceptedOn', 'ending', 'decisionOverdue'];

-- The two cohorts of the figures, each answered by an index-only scan over the period's range: every column a figure,
-- a filter or an access scope reads is in the index, so the heap (and its large snapshots) is not read. The ended
-- cohort is partial: open cases have no entry. Ended cases rarely change again, and received_on never does, so these
-- cost little on the commits that keep cases HOT (0107): only an ending changes their columns.
CREATE INDEX cases_statistics_ended ON cases (ended_on)
    INCLUDE (region_path, competent_body_id, receiving_body_id, respondent_agency_id, ending, decision_type,
             accepted_on, decision_overdue)
    WHERE ended_on IS NOT NULL;

CREATE INDEX cases_statistics_received ON cases (received_on)
    INCLUDE (region_path, competent_body_id, receiving_body_id, respondent_agency_id, ending);

-- An agency profile: its open cases (the partial index holds only open cases), and its decisions by type and their
-- findings by month, which would otherwise read the heap row of every case of the agency.
CREATE INDEX cases_statistics_open ON cases (respondent_agency_id)
    INCLUDE (region_path, competent_body_id, receiving_body_id)
    WHERE ended_on IS NULL;

CREATE INDEX cases_statistics_decisions ON cases (respondent_agency_id, ended_on)
    INCLUDE (decision_type, findings, region_path, competent_body_id, receiving_body_id)
    WHERE ending = 'decided';
