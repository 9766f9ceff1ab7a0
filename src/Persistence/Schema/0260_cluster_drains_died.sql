-- A drain whose silo the cluster declared dead before the silo recorded leaving (killed or lost while draining) ends
-- as Died instead of staying Draining for ever; left_at is when the running silos saw it declared dead.
DO $$
DECLARE
    rule record;
BEGIN
    FOR rule IN SELECT conname FROM pg_constraint
                 WHERE conrelid = 'cluster_drains'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%''Left''%'
    LOOP
        EXECUTE format('ALTER TABLE cluster_drains DROP CONSTRAINT %I', rule.conname);
    END LOOP;
END
$$;

ALTER TABLE cluster_drains
    ADD CONSTRAINT cluster_drains_status_known CHECK (status IN ('Requested', 'Draining', 'Unreachable', 'Refused', 'Left', 'Died')),
    ADD CONSTRAINT cluster_drains_left_at_when_gone CHECK ((status IN ('Left', 'Died')) = (left_at IS NOT NULL));
