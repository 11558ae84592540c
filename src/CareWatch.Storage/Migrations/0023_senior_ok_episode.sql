-- A check-in the senior answered in time (issue 13) is remembered as a labelled episode of hers: the still period
-- (started_at, still_since) ended at her OK (ended_at, the OK is movement) and she was fine (outcome senior-ok, the
-- detector's false alarm). So a cancelled alert carries an outcome too: every closed alert says what was found.
-- Rows cancelled before this migration did not store the OK's time: closed_at, seconds after the press, stands in.
ALTER TABLE alerts DROP CONSTRAINT alerts_outcome_when_resolved;
UPDATE alerts SET outcome = 'senior-ok', ended_at = coalesce(ended_at, closed_at) WHERE status = 'cancelled';
ALTER TABLE alerts ADD CONSTRAINT alerts_outcome_when_closed
    CHECK ((status IN ('resolved', 'cancelled')) = (outcome IS NOT NULL));
