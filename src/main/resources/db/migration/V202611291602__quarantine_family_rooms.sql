-- A family may share a room when the rules of all its members allow it: the room has one active stay of its own,
-- and family members join that stay's room.
ALTER TABLE quarantine_stay ADD COLUMN family_of bigint REFERENCES quarantine_stay (id);
DROP INDEX quarantine_stay_active_room;
CREATE UNIQUE INDEX quarantine_stay_active_room ON quarantine_stay (room_id) WHERE status = 'ACTIVE' AND family_of IS NULL;
