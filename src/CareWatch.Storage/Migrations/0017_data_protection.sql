-- Secrets at rest (issue 10, point 6).

-- The ASP.NET Core Data Protection key ring, shared by every node: one row per XML element the key manager
-- stores (keys "key-{id}", revocations "revocation-{time}"). Rows are only ever added; a key expires by its own
-- dates and is retired by a revocation element, never by deleting its row (payloads it protected would be lost).
CREATE TABLE data_protection_keys (
    friendly_name  text PRIMARY KEY,
    xml            text NOT NULL,
    created_at     timestamptz NOT NULL
);

-- Device keys, protected with Data Protection (purpose CareWatch.DeviceKeys.v1). SQL cannot call Data
-- Protection, so the server encrypts the plain keys of existing rows at start (PlainDeviceKeyEncryption) and
-- then sets the plain columns to NULL. The plain columns stay for now, nullable, so the step is idempotent and
-- restartable; a later migration drops them once no node of the old version can remain.
ALTER TABLE devices ADD COLUMN primary_key_protected text;
ALTER TABLE devices ADD COLUMN secondary_key_protected text;
ALTER TABLE devices ALTER COLUMN primary_key DROP NOT NULL;
ALTER TABLE devices ALTER COLUMN secondary_key DROP NOT NULL;
-- Whatever the state of the step, a watch never loses a key.
ALTER TABLE devices ADD CONSTRAINT devices_primary_key_held
    CHECK (primary_key IS NOT NULL OR primary_key_protected IS NOT NULL);
ALTER TABLE devices ADD CONSTRAINT devices_secondary_key_held
    CHECK (secondary_key IS NOT NULL OR secondary_key_protected IS NOT NULL);
