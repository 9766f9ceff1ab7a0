-- Tamper-evident history (执法全过程记录、可回溯): every case_history row carries the SHA-256 of its content and
-- of the previous entry's hash, so altering, removing or reordering a row breaks the chain at that row.
-- PostgresCaseStore.AppendAsync computes both columns inside its one append statement; HistoryChain (C#)
-- recomputes them to verify a case's chain. The two must agree byte for byte, so the encoding is fixed here:
--
--   canonical = F('casegrains.case_history.v1') || F(case_id) || F(seq) || F(at_us) || F(actor_user_id)
--               || F(actor_organisation_id) || F(action) || F(reason) || F(payload) || F(idempotency_key)
--               || F(previous_hash)
--   F(NULL) = the single byte '-' (0x2D)
--   F(v)    = decimal ASCII of the number of UTF-8 bytes of v, ':' (0x3A), then those UTF-8 bytes
--             (so the empty string is "0:", never the same as NULL)
--   seq     = the sequence number in decimal ASCII (bigint::text)
--   at_us   = the instant as whole microseconds since 1970-01-01T00:00:00Z, in decimal ASCII (may be negative)
--   payload = the payload as stored: jsonb::text, PostgreSQL's normalised text of the jsonb value
--   previous_hash = the hash of entry seq - 1 of the same case; for seq 1, 64 zeros
--   hash    = lower-case hex of sha256(canonical)
--
-- Every field starts with '-' or a digit and a present field says its own length, so the fields are read back
-- unambiguously: two different entries never encode to the same bytes.
--
-- The payload is hashed as jsonb::text, so the same JSON value hashes the same whatever its original spacing or key
-- order; a verifier outside PostgreSQL must hash the text PostgreSQL returns for payload::text, not the text that was
-- committed. (jsonb's text form has been stable across PostgreSQL versions; a future change to it would need a v2.)
-- A chain is only as strong as the place its latest hash is kept: whoever can rewrite every row (the table owner
-- can switch the append-only trigger off) can recompute every hash, so keep or publish the heads elsewhere too.
--
-- Rows written before this migration (none in production) are back-filled below in sequence order, so every
-- row is chained and both columns are NOT NULL. A back-filled row chains to the row before it in that case.

CREATE FUNCTION case_history_field(value text) RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT CASE
               WHEN value IS NULL THEN convert_to('-', 'UTF8')
               ELSE convert_to(octet_length(convert_to(value, 'UTF8'))::text || ':', 'UTF8') || convert_to(value, 'UTF8')
           END
$$;

CREATE FUNCTION case_history_canonical(
    case_id               text,
    seq                   bigint,
    at                    timestamptz,
    actor_user_id         text,
    actor_organisation_id text,
    action                text,
    reason                text,
    payload               jsonb,
    idempotency_key       text,
    previous_hash         text) RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT case_history_field('casegrains.case_history.v1')
        || case_history_field(case_id)
        || case_history_field(seq::text)
        -- extract(epoch ...) is numeric in PostgreSQL 14+, exact to the microsecond.
        || case_history_field((extract(epoch FROM at) * 1000000)::bigint::text)
        || case_history_field(actor_user_id)
        || case_history_field(actor_organisation_id)
        || case_history_field(action)
        || case_history_field(reason)
        || case_history_field(payload::text)
        || case_history_field(idempotency_key)
        || case_history_field(previous_hash)
$$;

CREATE FUNCTION case_history_hash(
    case_id               text,
    seq                   bigint,
    at                    timestamptz,
    actor_user_id         text,
    actor_organisation_id text,
    action                text,
    reason                text,
    payload               jsonb,
    idempotency_key       text,
    previous_hash         text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT encode(sha256(case_history_canonical(
        case_id, seq, at, actor_user_id, actor_organisation_id, action, reason, payload, idempotency_key, previous_hash)), 'hex')
$$;

ALTER TABLE case_history
    ADD COLUMN previous_hash text NULL,
    ADD COLUMN hash          text NULL;

-- Back-fill: the append-only trigger refuses UPDATE, so it is switched off for this transaction's update only
-- (ALTER TABLE holds an exclusive lock on case_history until the migration commits).
ALTER TABLE case_history DISABLE TRIGGER case_history_append_only;

DO $$
DECLARE
    entry          record;
    last_case      text;
    last_hash      text;
    previous       text;
BEGIN
    FOR entry IN SELECT * FROM case_history ORDER BY case_id, seq LOOP
        previous := CASE WHEN entry.case_id = last_case THEN last_hash ELSE repeat('0', 64) END;
        last_hash := case_history_hash(entry.case_id, entry.seq, entry.at, entry.actor_user_id,
            entry.actor_organisation_id, entry.action, entry.reason, entry.payload, entry.idempotency_key, previous);
        last_case := entry.case_id;
        UPDATE case_history
           SET previous_hash = previous, hash = last_hash
         WHERE case_id = entry.case_id AND seq = entry.seq;
    END LOOP;
END
$$;

ALTER TABLE case_history ENABLE TRIGGER case_history_append_only;

ALTER TABLE case_history
    ALTER COLUMN previous_hash SET NOT NULL,
    ALTER COLUMN hash SET NOT NULL,
    ADD CONSTRAINT case_history_previous_hash_hex CHECK (previous_hash ~ '^[0-9a-f]{64}$'),
    ADD CONSTRAINT case_history_hash_hex CHECK (hash ~ '^[0-9a-f]{64}$');
