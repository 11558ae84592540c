-- Free space on each page, so that the writer's per-message updates can be HOT (heap-only: the new row version on
-- the same page, no index entries). Every accepted message updates its watch's devices row (last seen, battery)
-- and its day row in minute_days; with full pages only half and a fifth of them were HOT in the gateway bench, and
-- each other update added entries to every index of the table. devices is one small row per watch, so half a page
-- free costs little; minute_days keeps 10 %, which its storage target (≤ 4 KB per senior-day) allows.
-- Applies to pages written from now on; VACUUM FULL would repack older ones, not needed.
ALTER TABLE devices SET (fillfactor = 50);
ALTER TABLE minute_days SET (fillfactor = 90);
