-- 0004 Orleans ADO.NET reminders for Microsoft.Orleans.Reminders.AdoNet 10.4.x,
-- configured with Invariant = "Npgsql".
--
-- Contract (what the 10.4.2 provider binds and reads); all keys are required:
--     ReadReminderRowsKey   @ServiceId @GrainId                    -> reminder rows
--     ReadReminderRowKey    @ServiceId @GrainId @ReminderName      -> reminder rows (0 or 1)
--     ReadRangeRows1Key     @ServiceId @BeginHash @EndHash         -> reminder rows
--     ReadRangeRows2Key     @ServiceId @BeginHash @EndHash         -> reminder rows
--     UpsertReminderRowKey  @ServiceId @GrainHash @GrainId @ReminderName @StartTime @Period -> Version
--     DeleteReminderRowKey  @ServiceId @GrainId @ReminderName @Version -> 1 column, true = deleted
--     DeleteReminderRowsKey @ServiceId
--   reminder rows: GrainId, ReminderName, StartTime, Period (bigint milliseconds), Version.
--   @GrainId is GrainId.ToString() ("type/key"); @GrainHash, @BeginHash and @EndHash are the
--   uint ring hashes cast to int. @Period is an int, or a bigint when it exceeds int milliseconds.
--   The 10.4.2 provider does not send the CronExpression / NextDueUtc / Priority / Action values
--   that newer upstream scripts add, so no query here may mention them.
--
-- Each silo owns a range of the hash ring and reads the reminders of its range on start and
-- every few minutes. The provider asks ReadRangeRows1Key when BeginHash < EndHash as signed
-- integers (one contiguous slice: hash in (begin, end]) and ReadRangeRows2Key otherwise (the
-- slice wraps past the end of the int range: hash > begin OR hash <= end; begin = end is the
-- whole ring).
--
-- Applied by SchemaMigrator in one transaction; written to be harmless if run again.

CREATE TABLE IF NOT EXISTS OrleansRemindersTable
(
    ServiceId    varchar(150)   NOT NULL,
    -- 512, not upstream's 150: a grain id is "grain-type/key", and the type of a generic grain
    -- carries its type arguments' full names, which easily passes 150 characters (orleans#9653).
    GrainId      varchar(512)   NOT NULL,
    ReminderName varchar(150)   NOT NULL,
    StartTime    timestamptz(3) NOT NULL,
    Period       bigint         NOT NULL,  -- milliseconds
    GrainHash    integer        NOT NULL,
    Version      integer        NOT NULL,

    CONSTRAINT PK_RemindersTable_ServiceId_GrainId_ReminderName PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

-- The range reads filter on ServiceId and GrainHash, which the primary key cannot serve; without
-- this every silo's periodic range read scans the whole table (orleans#9381). Both range forms
-- (a BETWEEN-like slice, and the OR of two open ranges) can use it.
CREATE INDEX IF NOT EXISTS IX_OrleansRemindersTable_ServiceId_GrainHash
    ON OrleansRemindersTable (ServiceId, GrainHash);

INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
(
    'UpsertReminderRowKey', $sql$
    -- Creates the reminder at version 0, or replaces its schedule and moves its version on.
    INSERT INTO OrleansRemindersTable
        (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
    VALUES
        (@ServiceId, @GrainId, @ReminderName, @StartTime, CAST(@Period AS bigint), @GrainHash, 0)
    ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
    SET StartTime = EXCLUDED.StartTime,
        Period    = EXCLUDED.Period,
        GrainHash = EXCLUDED.GrainHash,
        Version   = OrleansRemindersTable.Version + 1
    RETURNING Version;
    $sql$
),
(
    'ReadReminderRowsKey', $sql$
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId AND GrainId = @GrainId;
    $sql$
),
(
    'ReadReminderRowKey', $sql$
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName;
    $sql$
),
(
    'ReadRangeRows1Key', $sql$
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
      AND GrainHash > @BeginHash AND GrainHash <= @EndHash;
    $sql$
),
(
    'ReadRangeRows2Key', $sql$
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
      AND (GrainHash > @BeginHash OR GrainHash <= @EndHash);
    $sql$
),
(
    'DeleteReminderRowKey', $sql$
    -- Deletes only the version the caller holds, and says (true/false) whether it did.
    WITH deleted AS
    (
        DELETE FROM OrleansRemindersTable
        WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName
          AND Version = @Version
        RETURNING 1
    )
    SELECT count(*) > 0 FROM deleted;
    $sql$
),
(
    'DeleteReminderRowsKey', $sql$
    DELETE FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId;
    $sql$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
