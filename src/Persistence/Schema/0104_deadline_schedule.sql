-- The deadline index (issue 4, partitioned scheduling): every reminder step a case still has to fire, replaced as a
-- whole by the case's own commit (PostgresCaseStore.AppendAsync, same statement) and read by scheduler grains, each
-- owning one partition: "what is due in my partition, oldest first" (PostgresReminderIndex.DueAsync).
-- partition = ReminderPartitions.Of(case_id): the first two bytes of SHA-256 of the UTF-8 case id, modulo 64,
-- computed in C# and stored, so it never depends on a runtime's string hash.
CREATE TABLE reminder_schedule (
    case_id     text COLLATE "C" NOT NULL REFERENCES cases (case_id),
    deadline_id int         NOT NULL CHECK (deadline_id >= 0),
    kind        text COLLATE "C" NOT NULL,
    step        text COLLATE "C" NOT NULL,
    due_on      date        NOT NULL,
    fire_at     timestamptz NOT NULL,
    partition   smallint    NOT NULL CHECK (partition >= 0 AND partition < 64),
    PRIMARY KEY (case_id, deadline_id, step)
);

-- "Due in my partition, in fire order": equality on partition, range and order on fire_at; the trailing key columns
-- make ties come out in a fixed order without a sort. Also serves min(fire_at) per partition (the next wake-up).
CREATE INDEX reminder_schedule_partition_fire_at ON reminder_schedule (partition, fire_at, case_id, deadline_id, step);
