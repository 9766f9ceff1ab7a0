-- 0001 Orleans ADO.NET: the query catalogue.
--
-- Every Orleans ADO.NET provider (clustering, grain storage, reminders) starts by reading
--     SELECT QueryKey, QueryText FROM OrleansQuery
-- and from then on runs only the SQL text it found there, binding its own named parameters
-- (@DeploymentId, @GrainIdHash, ...) and reading result columns by name. This table is therefore
-- the whole contract between the providers and the database; the scripts 0002-0004 fill it.
-- The contract was checked against Microsoft.Orleans.*.AdoNet 10.4.2 (what each provider binds
-- and reads); see the header of each script for its part.
--
-- Identifiers are written CamelCase as in the Orleans code but are unquoted, so PostgreSQL folds
-- them to lower case; the providers' SQL is unquoted too, and Npgsql matches result columns
-- case-insensitively, so both spellings meet.
--
-- Applied by SchemaMigrator in one transaction; written to be harmless if run again.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    -- The key a provider asks for, e.g. 'InsertMembershipKey'.
    QueryKey  varchar(64) NOT NULL,
    -- The SQL the provider runs for that key. text rather than a bounded varchar: nothing reads
    -- a length limit out of it, and a limit would only make a longer rewrite fail.
    QueryText text        NOT NULL,

    CONSTRAINT OrleansQuery_Key PRIMARY KEY (QueryKey)
);
