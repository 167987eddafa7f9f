-- The ledger by time: a past day's stock is today's less what was written after that day's end.
CREATE INDEX supplies_movement_at ON supplies_movement (at);
