-- Compact telemetry (issue 14, point 1): one row per watch, senior and UTC day instead of one row per minute.
-- A minute row cost ~203 bytes with its indexes (~290 KB per senior-day); a day row holds the same per-minute
-- resolution in arrays that TOAST compresses (docs/telemetry.md, "Stored minutes").
--
-- Why per watch and not per senior: first write wins per watch and minute (a resend never overwrites), the registry
-- and the board show each watch's newest minute, and a spare watch on the table must not mask the worn one; the
-- one-stream-per-senior rule (StoredMinute.Combine) stays where it was, in the readers. A senior with one watch has
-- one row per day either way. senior_id is part of the key so that a watch moved to another senior mid-day starts a
-- new row for her instead of lending her minutes to the first senior.
--
-- Minute i of a row (0..1439) starts at day + i minutes. present says which minutes are stored (a missing minute
-- is not a minute with 0 movement); worn is set only where present; movement is integer (TelemetryLimits allows up
-- to 100,000), steps smallint (at most 400); both are 0 where not present. last_minute is the highest present i, so
-- "newest minute of a watch" is one index probe without unpacking the arrays.
CREATE TABLE minute_days (
    device_id    text NOT NULL,
    senior_id    uuid,
    day          timestamptz NOT NULL CHECK (day = date_trunc('day', day, 'UTC')),
    present      bit(1440) NOT NULL,
    worn         bit(1440) NOT NULL,
    movement     integer[] NOT NULL CHECK (cardinality(movement) = 1440),
    steps        smallint[] NOT NULL CHECK (cardinality(steps) = 1440),
    last_minute  smallint NOT NULL CHECK (last_minute BETWEEN 0 AND 1439),
    CONSTRAINT minute_days_key UNIQUE NULLS NOT DISTINCT (device_id, day, senior_id)
);
CREATE INDEX minute_days_senior ON minute_days (senior_id, day);
-- Retention deletes whole days across every watch (see 0019 for why BRIN).
CREATE INDEX minute_days_day_brin ON minute_days USING brin (day);
-- lz4 is faster than the default pglz at a similar ratio on these arrays; a server built without lz4 refuses the
-- statement, so it is only asked for when the server has it (Debian's PostgreSQL 15 has).
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)) THEN
        ALTER TABLE minute_days ALTER COLUMN movement SET COMPRESSION lz4, ALTER COLUMN steps SET COMPRESSION lz4;
    END IF;
END $$;

-- Existing minutes, one day row per (watch, senior, UTC day). The old key (device_id, minute) guarantees at most
-- one value per slot.
INSERT INTO minute_days (device_id, senior_id, day, present, worn, movement, steps, last_minute)
SELECT device_id, senior_id, day,
       string_agg(CASE WHEN minute IS NULL THEN '0' ELSE '1' END, '' ORDER BY i)::bit(1440),
       string_agg(CASE WHEN worn THEN '1' ELSE '0' END, '' ORDER BY i)::bit(1440),
       array_agg(coalesce(movement, 0) ORDER BY i), array_agg(coalesce(steps, 0)::smallint ORDER BY i),
       max(i) FILTER (WHERE minute IS NOT NULL)
FROM (
    SELECT k.device_id, k.senior_id, k.day, g.i, a.minute, a.movement, a.steps, a.worn
    FROM (SELECT DISTINCT device_id, senior_id, date_trunc('day', minute, 'UTC') AS day FROM minute_activity) k
    CROSS JOIN generate_series(0, 1439) AS g(i)
    LEFT JOIN minute_activity a ON a.device_id = k.device_id AND a.minute = k.day + g.i * interval '1 minute'
                                AND a.senior_id IS NOT DISTINCT FROM k.senior_id
) slots
GROUP BY device_id, senior_id, day;

DROP TABLE minute_activity;

-- The old table's shape, one row per stored minute, read-only: for the readers' SQL and for ad-hoc queries. A
-- query should also bound day (the row's UTC day; minute >= day) so that only the rows it needs are unpacked.
CREATE VIEW minute_activity AS
SELECT d.device_id, d.senior_id, d.day, d.day + (u.i - 1) * interval '1 minute' AS minute,
       u.movement, u.steps::integer AS steps, get_bit(d.worn, u.i::integer - 1) = 1 AS worn
FROM minute_days d, unnest(d.movement, d.steps) WITH ORDINALITY AS u(movement, steps, i)
WHERE get_bit(d.present, u.i::integer - 1) = 1;
