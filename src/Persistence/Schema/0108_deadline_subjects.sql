-- Deadline subjects beyond cases (issue 5): enforcement complaints and supervision instruments (opinion letters,
-- supervision notices) have statutory deadlines and notify people too, on the same machinery. The deadline index and
-- the notifications keep their column case_id, now the id of any deadline subject; its prefix says which kind
-- (DeadlineSubjects: RC- reconsideration case, CP- complaint, SI- supervision instrument). Each subject's own commit
-- writes its rows, so the references to cases go.
ALTER TABLE reminder_schedule DROP CONSTRAINT reminder_schedule_case_id_fkey;
ALTER TABLE notifications DROP CONSTRAINT notifications_case_id_fkey;
