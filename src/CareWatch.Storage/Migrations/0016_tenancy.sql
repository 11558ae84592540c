-- Tenancy (issue 10): every watch belongs to a bureau, even while it is on a shelf unassigned, so a bureau's
-- integration can list, configure and delete its spare watches and never another bureau's. And the bureau API keys
-- integrations (and the firmware simulator) sign in with.

-- A watch worn by a senior belongs to the senior's bureau. A watch registered before this script without a senior
-- has no owner to find: it goes to the oldest bureau (a one-bureau installation, the only kind that existed, gets
-- it right; others re-home it with DELETE and POST). With no bureau at all nobody could ever see or manage it, so it
-- is deleted (its twin goes with it; its telemetry, if any, stays with the senior history it belongs to).
ALTER TABLE devices ADD COLUMN bureau_id uuid REFERENCES bureaus(id);
UPDATE devices d SET bureau_id = s.bureau_id FROM seniors s WHERE s.id = d.senior_id;
UPDATE devices SET bureau_id = (SELECT id FROM bureaus ORDER BY created_at, id LIMIT 1) WHERE bureau_id IS NULL;
DELETE FROM devices WHERE bureau_id IS NULL;
ALTER TABLE devices ALTER COLUMN bureau_id SET NOT NULL;
CREATE INDEX devices_bureau ON devices(bureau_id, device_id);

-- A worn watch's senior is in the watch's bureau, held by the database and not only by the API's checks: the
-- composite key refuses a row that pairs a watch of bureau A with a senior of bureau B. (MATCH SIMPLE: a watch
-- without a senior is not checked.)
ALTER TABLE seniors ADD CONSTRAINT seniors_id_bureau UNIQUE (id, bureau_id);
ALTER TABLE devices ADD CONSTRAINT devices_senior_in_bureau
    FOREIGN KEY (senior_id, bureau_id) REFERENCES seniors(id, bureau_id);

-- Bureau API keys. The key is shown once, at creation; only its SHA-256 is stored (ApiKeyStore says why a fast hash
-- is enough for a 256-bit random secret). The prefix is the key's public, random id part: a request's key is found
-- by it with one index probe, and its hash then compared in constant time.
CREATE TABLE api_keys (
    id            uuid PRIMARY KEY,
    bureau_id     uuid NOT NULL REFERENCES bureaus(id),
    name          text NOT NULL,
    prefix        text NOT NULL UNIQUE,
    hash          bytea NOT NULL CHECK (octet_length(hash) = 32),
    created_at    timestamptz NOT NULL,
    revoked_at    timestamptz,
    last_used_at  timestamptz
);
CREATE INDEX api_keys_bureau ON api_keys(bureau_id);
