-- Privacy duties (issue 10, point 8): hourly summaries that outlive the raw minutes, and consent records.

-- What is kept of a senior's raw minutes once they are older than Privacy:RawRetention (default 90 days): one row
-- per senior and UTC hour, computed from the senior's one-stream-per-minute (StoredMinute.Combine: a worn reading
-- wins, else the larger movement). Enough for long-term trends (activity, wear time, steps), nothing per minute.
CREATE TABLE activity_hourly (
    senior_id     uuid NOT NULL REFERENCES seniors(id),
    hour          timestamptz NOT NULL,
    minutes       integer NOT NULL,
    worn_minutes  integer NOT NULL,
    still_minutes integer NOT NULL,
    movement_sum  bigint NOT NULL,
    steps_sum     bigint NOT NULL,
    sos_events    integer NOT NULL DEFAULT 0,
    fall_events   integer NOT NULL DEFAULT 0,
    ok_events     integer NOT NULL DEFAULT 0,
    PRIMARY KEY (senior_id, hour)
);

-- The retention job deletes by time across every senior. BRIN indexes are a few pages each and cost the telemetry
-- writer almost nothing (rows arrive roughly in time order), yet let the job find the old rows without a scan.
CREATE INDEX minute_activity_minute_brin ON minute_activity USING brin (minute);
CREATE INDEX device_events_at_brin ON device_events USING brin (at);
CREATE INDEX device_messages_received_brin ON device_messages USING brin (received_at);

-- Who agreed to what, per senior: the senior herself or a legal representative (whose name is kept, as the record
-- must say who signed); the purposes (ConsentPurposes in C#); which staff member recorded it; and, once withdrawn,
-- when and by whom. A withdrawn consent is kept as the record of what was agreed until then.
CREATE TABLE senior_consents (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    senior_id          uuid NOT NULL REFERENCES seniors(id),
    given_by           text NOT NULL CHECK (given_by IN ('senior', 'legal-representative')),
    representative     text,
    purposes           text[] NOT NULL CHECK (cardinality(purposes) > 0),
    consented_at       timestamptz NOT NULL,
    recorded_by        text NOT NULL,
    recorded_at        timestamptz NOT NULL,
    withdrawn_at       timestamptz,
    withdrawn_by       text,
    CHECK ((given_by = 'legal-representative') = (representative IS NOT NULL))
);
CREATE INDEX senior_consents_senior ON senior_consents(senior_id);
