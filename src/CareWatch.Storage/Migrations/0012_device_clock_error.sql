-- How far each watch's clock was off when it last said when it sent a message (seconds, + = ahead).
ALTER TABLE devices ADD COLUMN clock_error_seconds integer;
