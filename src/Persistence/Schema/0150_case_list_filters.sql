-- The case list filtered by respondent agency, status and channel (with or without the asker's body scope), in the
-- default order. With only the single-column indexes, its count intersected the agency's and the status's bitmaps and
-- read every candidate row's page to check the channel and the scope: 110,000 pages, 16.8 s cold, for 1,235 rows out
-- of a million (bench lists, EXPLAIN ANALYZE). Here the three filters are the key and the scope's two body columns are
-- included, so the count reads only matching index entries (an index-only scan), and the page walks them in deadline
-- order and stops after the page's rows. The status is compared with "=" when one status is asked for, so the walk
-- keeps the index's order.
CREATE INDEX cases_agency_status_channel_due ON cases (respondent_agency_id, status, channel, nearest_due_on, case_id)
    INCLUDE (competent_body_id, receiving_body_id);
