-- Registry status and device twins (issue 5).

-- When the watch last connected and disconnected. Whether it is connected *now* is known only to the
-- gateway holding the connection (kept in memory there), so it is not stored.
ALTER TABLE devices ADD COLUMN last_connected_at timestamptz;
ALTER TABLE devices ADD COLUMN last_disconnected_at timestamptz;

-- One twin per watch, as IoT Hub keeps it: desired (set by the service) and reported (set by the
-- watch) JSON documents, each with a version that increases with every change.
CREATE TABLE device_twins (
    device_id         text PRIMARY KEY REFERENCES devices(device_id) ON DELETE CASCADE,
    desired           jsonb NOT NULL DEFAULT '{}'::jsonb,
    desired_version   bigint NOT NULL DEFAULT 1,
    reported          jsonb NOT NULL DEFAULT '{}'::jsonb,
    reported_version  bigint NOT NULL DEFAULT 1,
    updated_at        timestamptz NOT NULL
);
