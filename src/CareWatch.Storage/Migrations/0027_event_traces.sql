-- The trace of the device message that carried an SOS press or a fall (issue 14's correlation id): a monitor that
-- finds the event unalerted in storage (it activated on that very message, or a node died before the alert was
-- stored) raises the alert inside the message's trace, as it does when it hears of the event directly.
-- Lower-case hex (32 and 16 digits); null outside a trace and for rows older than this migration.
ALTER TABLE device_events ADD COLUMN trace_id text, ADD COLUMN span_id text;
