-- What a board needs to merge pushes and reloads, and to count from the right moment:
-- version     1 when raised, one more on every change of the row. The trigger below does the counting, so no
--             UPDATE written later can forget it and leave a board ignoring a change it thinks it has seen.
-- updated_at  when the row last changed (written by the application from its TimeProvider, never now()).
-- started_at  when the situation began (the still period, the SOS press, the fall); raised_at stays the
--             moment the server raised the alert, which can be minutes later.
-- facts       structured facts of the decision (JSON: detector, limit, model version), from which the explanation
--             is rendered when shown, so it names the detector in service now and freezes no duration.
-- ended_at    when the condition ended (the minute movement resumed, the watch was worn again); closed_at stays
--             the moment the alert was closed, which for a replayed buffer can be hours later.
ALTER TABLE alerts
    ADD COLUMN version integer NOT NULL DEFAULT 1,
    ADD COLUMN updated_at timestamptz,
    ADD COLUMN started_at timestamptz,
    ADD COLUMN ended_at timestamptz,
    ADD COLUMN facts jsonb;
UPDATE alerts SET updated_at = coalesce(closed_at, raised_at), started_at = coalesce(still_since, raised_at);
ALTER TABLE alerts ALTER COLUMN updated_at SET NOT NULL, ALTER COLUMN started_at SET NOT NULL;

CREATE FUNCTION alerts_next_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.version := OLD.version + 1;
    RETURN NEW;
END
$$;
CREATE TRIGGER alerts_version BEFORE UPDATE ON alerts
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION alerts_next_version();

-- The board lists open alerts and those closed in the last minutes (movement resumed, watch back on).
CREATE INDEX alerts_recently_closed ON alerts(closed_at) WHERE status <> 'open';
