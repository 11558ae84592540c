-- De-duplication by content as well as seq (docs/telemetry.md, "De-duplication"). A watch whose sequence number
-- restarts (reset, firmware update) reuses seqs that are already stored; with (device, seq) as the key its new
-- messages were acknowledged and dropped. The key becomes (device, seq, digest), the digest being 16 bytes of a
-- SHA-256 of the message's minutes and events (TelemetryDigest), which a real resend repeats.
--
-- Rows stored before this script, and rows a node not yet upgraded writes during a rolling upgrade, have the
-- empty digest, which no digest of a message equals. They stay valid; a resend of one of them that arrives later
-- is taken as new, but its minutes and events are still kept once by their own keys (minute_activity: device and
-- minute; device_events: device, seq, time and kind).
ALTER TABLE device_messages ADD COLUMN digest bytea NOT NULL DEFAULT '\x'::bytea
    CHECK (octet_length(digest) IN (0, 16));
ALTER TABLE device_messages DROP CONSTRAINT device_messages_pkey, ADD PRIMARY KEY (device_id, seq, digest);
