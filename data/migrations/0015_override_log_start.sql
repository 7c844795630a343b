-- Anteroom schema, version 15: the override log by the start of what was
-- booked. The week grid marks the bookings made over the rules among the
-- ones it shows; this index lets it read only those of the shown days
-- (data/overridelog.go OverridesStarting) instead of the whole log.
CREATE INDEX override_log_leader_start ON override_log (leader_id, start_utc);
