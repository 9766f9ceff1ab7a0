-- Room on every page of cases for the row's next version. Most commits (a reminder step, a reply recorded) change
-- only unindexed columns (snapshot, version, updated_at); with free space on the page PostgreSQL then updates the row
-- in place (a HOT update) instead of adding an entry to each of the table's twelve indexes, two of them trigram GINs.
-- Affects pages written from now on; existing ones gain the room as rows move.
ALTER TABLE cases SET (fillfactor = 70);

-- The schedule is rewritten by case commits and shrunk by the scheduler: the same reasoning, with one index to spare.
ALTER TABLE reminder_schedule SET (fillfactor = 80);
