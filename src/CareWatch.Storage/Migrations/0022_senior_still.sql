-- The seniors board (issue 12): each senior's current still period as her monitor sees it. The monitor keeps it in
-- memory, personal to her (her own still definition); the board needs it for 2,000 seniors in one query and after a
-- restart, without waking 2,000 grains that would each replay a day of minutes. One row per senior, written only
-- when the period starts or ends (not every minute), so the telemetry path pays a write every few minutes at most.
CREATE TABLE senior_still (
    senior_id    uuid PRIMARY KEY REFERENCES seniors(id) ON DELETE CASCADE,
    still_since  timestamptz,
    last_minute  timestamptz,
    updated_at   timestamptz NOT NULL
);
