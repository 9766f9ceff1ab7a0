-- Scoped case lists (CaseListScope): who may see which cases. A scope is one equality (or a region subtree)
-- ANDed with the list's other filters; each is served by a btree whose trailing columns are the default sort,
-- like the filter indexes of 0100.

-- The applicant's own user account, for "my cases" (NULL when the case was not filed by a registered user:
-- a paper application at the hall, for instance).
ALTER TABLE cases ADD COLUMN applicant_user_id text COLLATE "C" NULL;

-- Partial: cases without an applicant account are never listed by this scope, so they need no entries.
CREATE INDEX cases_applicant_user_due ON cases (applicant_user_id, nearest_due_on, case_id)
    WHERE applicant_user_id IS NOT NULL;

-- An intake point's cases.
CREATE INDEX cases_intake_point_due ON cases (intake_point_id, nearest_due_on, case_id);

-- The other scopes use the indexes of 0100: a body's cases (competent OR receiving) are a BitmapOr of
-- cases_competent_body_due and cases_receiving_body_due, an agency's cases cases_respondent_agency_due, and a
-- region subtree the range on cases_region_path.
