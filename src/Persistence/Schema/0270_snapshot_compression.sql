-- The snapshots every commit rewrites are compressed with lz4 instead of pglz. A case's row passes the 2 kB TOAST
-- threshold, so each update compressed its snapshot; pglz_compress was 4% of the server's CPU in a transitions-http
-- profile, and lz4 compresses several times faster at a slightly lower ratio. Only values written from now on change.
-- A server built without lz4 refuses the method; its snapshots stay pglz, as before.
DO $$
BEGIN
    ALTER TABLE cases ALTER COLUMN snapshot SET COMPRESSION lz4;
    ALTER TABLE complaints ALTER COLUMN snapshot SET COMPRESSION lz4;
    ALTER TABLE agency_records ALTER COLUMN snapshot SET COMPRESSION lz4;
    ALTER TABLE supervision_instruments ALTER COLUMN snapshot SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'lz4 is not available on this server; snapshots stay compressed with pglz';
END
$$;
