-- 0002 Orleans ADO.NET clustering (membership) for Microsoft.Orleans.Clustering.AdoNet 10.4.x,
-- configured with Invariant = "Npgsql".
--
-- Contract (what the 10.4.2 provider binds and reads):
--   required query keys - the silo refuses to start unless every one is present
--   ("Not all required queries found. Missing are: ..."):
--     InsertMembershipVersionKey      @DeploymentId                                   -> 1 column, >0 = inserted
--     UpdateIAmAlivetimeKey           @DeploymentId @Address @Port @Generation @IAmAliveTime   (no result)
--     InsertMembershipKey             @DeploymentId @Address @Port @Generation @SiloName @HostName
--                                     @Status @ProxyPort @StartTime @IAmAliveTime @Version -> 1 column, >0 = done
--     UpdateMembershipKey             @DeploymentId @Address @Port @Generation @Status @SuspectTimes
--                                     @IAmAliveTime @Version                           -> 1 column, >0 = done
--     MembershipReadRowKey            @DeploymentId @Address @Port @Generation          -> membership rows
--     MembershipReadAllKey            @DeploymentId                                     -> membership rows
--     GatewaysQueryKey                @DeploymentId @Status                             -> Address, ProxyPort, Generation
--     DeleteMembershipTableEntriesKey @DeploymentId                                     (no result)
--     CleanupDefunctSiloEntriesKey    @DeploymentId @IAmAliveTime                       (no result)
--   optional key, used instead of CleanupDefunctSiloEntriesKey when present (10.4):
--     CleanupDefunctSiloEntryKey      @DeploymentId @Address @Port @Generation @StartTime
--                                     @IAmAliveTime @SuspectTimes                       (no result)
--   membership rows: DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort,
--   SuspectTimes, StartTime, IAmAliveTime, Version - the version row is returned even when no silo
--   row matches (StartTime NULL then tells the provider "no entry").
--
-- DeploymentId is Orleans' ClusterId. Status is Orleans' SiloStatus: 3 = Active, 6 = Dead.
-- @Version is the table version (an etag) the caller read; every membership change must move the
-- version on by exactly one, atomically with the row change, or not happen at all.
-- All DateTime parameters arrive as UTC (DbType.DateTime, which Npgsql sends as timestamptz).
--
-- The 10.4.2 provider does not send @MetadataJson (newer upstream scripts have such a column), so
-- no query here may mention it.
--
-- Applied by SchemaMigrator in one transaction; written to be harmless if run again.

-- One row per cluster, holding the membership table version.
CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId varchar(150)   NOT NULL,
    Timestamp    timestamptz(3) NOT NULL DEFAULT now(),
    Version      integer        NOT NULL DEFAULT 0,

    CONSTRAINT PK_OrleansMembershipVersionTable_DeploymentId PRIMARY KEY (DeploymentId)
);

-- One row per silo incarnation (address, port and generation - a restarted silo is a new row).
CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId varchar(150)   NOT NULL,
    Address      varchar(45)    NOT NULL,  -- textual IPv4/IPv6 address
    Port         integer        NOT NULL,
    Generation   integer        NOT NULL,
    SiloName     varchar(150)   NOT NULL,
    HostName     varchar(150)   NOT NULL,
    Status       integer        NOT NULL,
    ProxyPort    integer        NULL,      -- gateway port, 0 when the silo is no gateway
    SuspectTimes varchar(8000)  NULL,      -- 'silo,time|silo,time', written and parsed by Orleans
    -- Millisecond precision: Orleans reads these back and, for the captured-row cleanup,
    -- sends them again to be compared for equality, so what is stored must be what is read.
    StartTime    timestamptz(3) NOT NULL,
    IAmAliveTime timestamptz(3) NOT NULL,

    CONSTRAINT PK_MembershipTable_DeploymentId PRIMARY KEY (DeploymentId, Address, Port, Generation),
    -- ON DELETE CASCADE lets DeleteMembershipTableEntriesKey delete just the version row: it then
    -- locks version row before silo rows, the same order as every other writer here, so it
    -- cannot deadlock with a silo that is joining or updating at the same moment.
    CONSTRAINT FK_MembershipTable_MembershipVersionTable_DeploymentId
        FOREIGN KEY (DeploymentId) REFERENCES OrleansMembershipVersionTable (DeploymentId) ON DELETE CASCADE
);

-- Writers. Each is one function call, so it runs as one statement in one implicit transaction.
-- Instead of the upstream pattern (ASSERT inside an exception block to undo a half-done change,
-- which silently stops working when plpgsql.check_asserts is off), each function first locks the
-- version row *with the expected version* and does nothing at all unless it has it: a concurrent
-- writer that moved the version on makes the lock find no row (READ COMMITTED re-checks the
-- condition after waiting), and nothing has been changed that would need undoing.

-- Adds a silo row and moves the version on, both or neither. Returns 1 on success, 0 otherwise
-- (stale @Version, or the row already exists).
CREATE OR REPLACE FUNCTION orleans_insert_membership(
    deployment_id  varchar,
    address_arg    varchar,
    port_arg       integer,
    generation_arg integer,
    silo_name      varchar,
    host_name      varchar,
    status_arg     integer,
    proxy_port     integer,
    start_time     timestamptz,
    i_am_alive     timestamptz,
    version_arg    integer)
RETURNS integer
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM 1
    FROM OrleansMembershipVersionTable v
    WHERE v.DeploymentId = deployment_id AND v.Version = version_arg
    FOR UPDATE;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    VALUES
        (deployment_id, address_arg, port_arg, generation_arg, silo_name, host_name, status_arg, proxy_port, start_time, i_am_alive)
    ON CONFLICT (DeploymentId, Address, Port, Generation) DO NOTHING;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = deployment_id;
    RETURN 1;
END
$$;

-- Changes a silo row's status and suspicions and moves the version on, both or neither.
-- Returns 1 on success, 0 otherwise (stale @Version, or no such row).
CREATE OR REPLACE FUNCTION orleans_update_membership(
    deployment_id  varchar,
    address_arg    varchar,
    port_arg       integer,
    generation_arg integer,
    status_arg     integer,
    suspect_times  varchar,
    i_am_alive     timestamptz,
    version_arg    integer)
RETURNS integer
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM 1
    FROM OrleansMembershipVersionTable v
    WHERE v.DeploymentId = deployment_id AND v.Version = version_arg
    FOR UPDATE;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    UPDATE OrleansMembershipTable m
    SET Status       = status_arg,
        SuspectTimes = suspect_times,
        -- Never move a heartbeat backwards: a heartbeat written after the caller read the row
        -- must survive this update (the same rule as UpdateIAmAlivetimeKey below).
        IAmAliveTime = GREATEST(m.IAmAliveTime, i_am_alive)
    WHERE m.DeploymentId = deployment_id
      AND m.Address = address_arg AND m.Port = port_arg AND m.Generation = generation_arg;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = deployment_id;
    RETURN 1;
END
$$;

-- The queries. Dollar quoting ($sql$ ... $sql$) keeps the SQL text free of doubled quotes.
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
(
    'InsertMembershipVersionKey', $sql$
    -- Creates the version row of the cluster unless it exists: 1 if created, 0 if it existed.
    WITH inserted AS
    (
        INSERT INTO OrleansMembershipVersionTable (DeploymentId)
        VALUES (@DeploymentId)
        ON CONFLICT (DeploymentId) DO NOTHING
        RETURNING 1
    )
    SELECT count(*)::integer FROM inserted;
    $sql$
),
(
    'UpdateIAmAlivetimeKey', $sql$
    -- Heartbeat. Does not touch the version (Orleans expects this never to conflict), and
    -- GREATEST keeps a delayed heartbeat from overwriting a newer one.
    UPDATE OrleansMembershipTable
    SET IAmAliveTime = GREATEST(IAmAliveTime, @IAmAliveTime)
    WHERE DeploymentId = @DeploymentId
      AND Address = @Address AND Port = @Port AND Generation = @Generation;
    $sql$
),
(
    'InsertMembershipKey', $sql$
    SELECT orleans_insert_membership(
        @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
        @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version);
    $sql$
),
(
    'UpdateMembershipKey', $sql$
    SELECT orleans_update_membership(
        @DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes, @IAmAliveTime, @Version);
    $sql$
),
(
    'MembershipReadRowKey', $sql$
    -- The version row, joined to the one silo row asked for (if it exists). One statement, so
    -- version and row come from the same snapshot.
    SELECT
        v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status,
        m.ProxyPort, m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
    FROM OrleansMembershipVersionTable v
    LEFT JOIN OrleansMembershipTable m
        ON m.DeploymentId = v.DeploymentId
       AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
    WHERE v.DeploymentId = @DeploymentId;
    $sql$
),
(
    'MembershipReadAllKey', $sql$
    SELECT
        v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status,
        m.ProxyPort, m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
    FROM OrleansMembershipVersionTable v
    LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
    WHERE v.DeploymentId = @DeploymentId;
    $sql$
),
(
    'GatewaysQueryKey', $sql$
    -- Used by clients: the gateways of the silos in status @Status (Active).
    SELECT Address, ProxyPort, Generation
    FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0;
    $sql$
),
(
    'DeleteMembershipTableEntriesKey', $sql$
    -- Removes a whole cluster. Its silo rows go by ON DELETE CASCADE (see the table).
    DELETE FROM OrleansMembershipVersionTable
    WHERE DeploymentId = @DeploymentId;
    $sql$
),
(
    'CleanupDefunctSiloEntriesKey', $sql$
    -- Bulk pruning of long-dead silos (DefunctSiloCleanupPeriod / DefunctSiloExpiration). The 10.4
    -- provider uses CleanupDefunctSiloEntryKey instead when it exists (it does, below), but this
    -- key is still required at start-up. Only Dead rows, and only those that neither started nor
    -- heartbeat after the cut-off. Older scripts deleted every row not Active (Status != 3),
    -- which could also remove silos that were still joining.
    DELETE FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId
      AND Status = 6
      AND IAmAliveTime < @IAmAliveTime
      AND StartTime < @IAmAliveTime;
    $sql$
),
(
    'CleanupDefunctSiloEntryKey', $sql$
    -- Deletes one Dead row, and only if it is still exactly as the provider read it (start time,
    -- heartbeat, suspicions): the provider decides eligibility from that read, so any change since
    -- then means the decision may be stale and the row must stay.
    DELETE FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId
      AND Address = @Address AND Port = @Port AND Generation = @Generation
      AND Status = 6
      AND StartTime = @StartTime
      AND IAmAliveTime = @IAmAliveTime
      AND COALESCE(SuspectTimes, '') = COALESCE(@SuspectTimes, '');
    $sql$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
