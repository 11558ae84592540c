-- The correlation id (issue 14): the W3C trace of the device message that raised an alert, kept with the alert, and
-- copied onto every notification queued for it, so that the outbox dispatcher, which delivers later and elsewhere,
-- continues that trace and its log lines carry the same TraceId as the gateway's and the monitor's.
-- span_id is the span that wrote the row: the parent of the work that picks the row up. Both are lower-case hex
-- (32 and 16 digits), null for rows written outside any trace (and for every row older than this migration).
ALTER TABLE alerts ADD COLUMN trace_id text, ADD COLUMN span_id text;
ALTER TABLE notification_outbox ADD COLUMN trace_id text, ADD COLUMN span_id text;
