-- Bureaus, seniors, watches, telemetry and alerts: the schema of the walking skeleton.
-- Every timestamp is timestamptz and written as UTC.

CREATE TABLE bureaus (
    id          uuid PRIMARY KEY,
    name        text NOT NULL,
    time_zone   text NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE TABLE seniors (
    id           uuid PRIMARY KEY,
    bureau_id    uuid NOT NULL REFERENCES bureaus(id),
    display_name text NOT NULL,
    time_zone    text NOT NULL,
    created_at   timestamptz NOT NULL
);
CREATE INDEX seniors_bureau ON seniors(bureau_id);

-- A watch identity as IoT Hub keeps it: two symmetric keys so that a rotation never locks a watch out.
CREATE TABLE devices (
    device_id      text PRIMARY KEY,
    senior_id      uuid REFERENCES seniors(id),
    primary_key    text NOT NULL,
    secondary_key  text NOT NULL,
    enabled        boolean NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL,
    last_seen_at   timestamptz,
    battery        smallint,
    charging       boolean
);
CREATE INDEX devices_senior ON devices(senior_id);

-- One row per accepted device message: the primary key is the de-duplication.
CREATE TABLE device_messages (
    device_id    text NOT NULL,
    seq          bigint NOT NULL,
    received_at  timestamptz NOT NULL,
    minute_count integer NOT NULL,
    event_count  integer NOT NULL,
    PRIMARY KEY (device_id, seq)
);

CREATE TABLE minute_activity (
    device_id  text NOT NULL,
    senior_id  uuid,
    minute     timestamptz NOT NULL,
    movement   integer NOT NULL,
    steps      integer NOT NULL,
    worn       boolean NOT NULL,
    PRIMARY KEY (device_id, minute)
);
CREATE INDEX minute_activity_senior ON minute_activity(senior_id, minute);

CREATE TABLE device_events (
    device_id  text NOT NULL,
    seq        bigint NOT NULL,
    at         timestamptz NOT NULL,
    senior_id  uuid,
    kind       text NOT NULL,
    PRIMARY KEY (device_id, seq, at, kind)
);

CREATE TABLE alerts (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    senior_id    uuid NOT NULL REFERENCES seniors(id),
    kind         text NOT NULL,
    status       text NOT NULL CHECK (status IN ('open', 'cleared', 'resolved')),
    still_since  timestamptz,
    raised_at    timestamptz NOT NULL,
    closed_at    timestamptz,
    explanation  text NOT NULL
);
-- At most one open alert of a kind per senior, so a retried raise cannot duplicate it.
CREATE UNIQUE INDEX alerts_one_open ON alerts(senior_id, kind) WHERE status = 'open';
