-- 0003 Orleans ADO.NET grain storage for Microsoft.Orleans.Persistence.AdoNet 10.4.x,
-- configured with Invariant = "Npgsql" (the provider's default is SQL Server's, so it must be set).
--
-- Contract (what the 10.4.2 provider binds and reads):
--   every query is given @GrainIdHash @GrainIdN0 @GrainIdN1 @GrainTypeHash @GrainTypeString
--   @GrainIdExtensionString @ServiceId; in addition
--     ReadFromStorageKey  (required)                            -> PayloadBinary, Version (no row = no state)
--     WriteToStorageKey   (required) @GrainStateVersion @PayloadBinary -> NewGrainStateVersion
--     ClearStorageKey     (required) @GrainStateVersion        -> 1 column: the new version
--     DeleteStorageKey    (optional; required only with DeleteStateOnClear = true) @GrainStateVersion
--                                                              -> 1 column: any value other than the old version
--   The provider treats a returned version that is NULL, empty, missing or equal to the version it
--   sent as a conflict (InconsistentStateException), so every write below returns NULL/no row
--   when it did not happen.
--   10.x sends the state only as @PayloadBinary (the serializer's bytes, JSON by default); the
--   PayloadJson / PayloadXml columns and parameters of older scripts are gone.
--
-- How a grain's state is identified:
--   GrainTypeString is what the provider is handed as the "grain type", which since Orleans 7 is
--   the *state name* given to [PersistentState("name", "storage")] - not the grain class. Two
--   grain classes that use the same state name with the same key therefore read and write the
--   SAME row (orleans#8746): give every grain class its own state name.
--   The key is N0/N1 (a Guid's two halves, or 0 and the integer key) plus GrainIdExtensionString
--   (the string key, or the key extension). Orleans parses an all-digit string key as an integer
--   key, so "020235" and "20235" are the same grain (orleans#9706): give string keys a non-digit
--   prefix.
--   GrainIdHash / GrainTypeHash are hashes of the two, used only to find the row quickly.
--
-- Applied by SchemaMigrator in one transaction; written to be harmless if run again.

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            integer      NOT NULL,
    GrainIdN0              bigint       NOT NULL,
    GrainIdN1              bigint       NOT NULL,
    GrainTypeHash          integer      NOT NULL,
    GrainTypeString        varchar(512) NOT NULL,
    GrainIdExtensionString varchar(512) NULL,
    ServiceId              varchar(150) NOT NULL,
    PayloadBinary          bytea        NULL,      -- NULL after a clear: the row stays, keeping its version
    ModifiedOn             timestamptz  NOT NULL DEFAULT now(),
    Version                integer      NULL
);

-- Every query finds its row through the two hashes; the remaining key columns are then checked
-- on the few rows that share them. (No unique constraint over the full key: the strings can be
-- too long for one btree entry. Duplicates are prevented by the lock in orleans_write_to_storage.)
CREATE INDEX IF NOT EXISTS IX_OrleansStorage_GrainIdHash_GrainTypeHash
    ON OrleansStorage (GrainIdHash, GrainTypeHash);

-- Inserts the first version of a state (@GrainStateVersion NULL) or replaces the version the
-- caller read (@GrainStateVersion = that version). Returns the new version, or NULL if nothing
-- was written (a row already exists, or it is no longer at the caller's version).
CREATE OR REPLACE FUNCTION orleans_write_to_storage(
    grain_id_hash    integer,
    grain_id_n0      bigint,
    grain_id_n1      bigint,
    grain_type_hash  integer,
    grain_type       varchar,
    grain_id_ext     varchar,
    service_id       varchar,
    expected_version integer,
    payload          bytea)
RETURNS TABLE (NewGrainStateVersion integer)
LANGUAGE plpgsql
AS $$
DECLARE
    written integer;
BEGIN
    IF expected_version IS NOT NULL THEN
        UPDATE OrleansStorage s
        SET PayloadBinary = payload,
            ModifiedOn    = now(),
            Version       = s.Version + 1
        WHERE s.GrainIdHash = grain_id_hash AND s.GrainTypeHash = grain_type_hash
          AND s.GrainIdN0 = grain_id_n0 AND s.GrainIdN1 = grain_id_n1
          AND s.GrainTypeString = grain_type
          AND s.GrainIdExtensionString IS NOT DISTINCT FROM grain_id_ext
          AND s.ServiceId = service_id
          AND s.Version = expected_version
        RETURNING s.Version INTO written;
    ELSE
        -- First write. Normally only one activation of a grain exists, but two can briefly
        -- coexist (e.g. during a membership change), and both would see "no row" and insert.
        -- A transaction-scoped advisory lock on the two hashes serialises first writes of the
        -- same state (and, harmlessly, of the rare other states sharing both hashes); the check
        -- below then sees any row a competing writer committed, and the loser gets NULL.
        PERFORM pg_advisory_xact_lock(grain_id_hash, grain_type_hash);

        INSERT INTO OrleansStorage
            (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
             GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
        SELECT grain_id_hash, grain_id_n0, grain_id_n1, grain_type_hash, grain_type,
               grain_id_ext, service_id, payload, now(), 1
        WHERE NOT EXISTS
        (
            SELECT 1
            FROM OrleansStorage s
            WHERE s.GrainIdHash = grain_id_hash AND s.GrainTypeHash = grain_type_hash
              AND s.GrainIdN0 = grain_id_n0 AND s.GrainIdN1 = grain_id_n1
              AND s.GrainTypeString = grain_type
              AND s.GrainIdExtensionString IS NOT DISTINCT FROM grain_id_ext
              AND s.ServiceId = service_id
        )
        RETURNING 1 INTO written;
    END IF;

    RETURN QUERY SELECT written;
END
$$;

INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
(
    'ReadFromStorageKey', $sql$
    SELECT PayloadBinary, Version
    FROM OrleansStorage
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
      AND ServiceId = @ServiceId;
    $sql$
),
(
    'WriteToStorageKey', $sql$
    SELECT NewGrainStateVersion
    FROM orleans_write_to_storage(
        @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
        @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary);
    $sql$
),
(
    'ClearStorageKey', $sql$
    -- Keeps the row (and so the version sequence) but drops the state.
    UPDATE OrleansStorage
    SET PayloadBinary = NULL, ModifiedOn = now(), Version = Version + 1
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
      AND ServiceId = @ServiceId
      AND Version = @GrainStateVersion
    RETURNING Version AS NewGrainStateVersion;
    $sql$
),
(
    'DeleteStorageKey', $sql$
    -- DeleteStateOnClear = true: removes the row. The provider only needs a value different from
    -- the version it sent to know the delete happened, hence Version + 1.
    DELETE FROM OrleansStorage
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
      AND ServiceId = @ServiceId
      AND Version = @GrainStateVersion
    RETURNING Version + 1 AS NewGrainStateVersion;
    $sql$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
