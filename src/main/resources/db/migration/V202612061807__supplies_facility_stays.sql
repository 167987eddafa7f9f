-- Who is staying in each quarantine facility, kept from the quarantine module's StayStarted and StayReleased events:
-- the occupied rooms that the living-supplies norms count per day.
CREATE TABLE supplies_facility_stay (
    stay_id     bigint      PRIMARY KEY,
    facility_id bigint      NOT NULL,
    started_at  timestamptz NOT NULL
);

CREATE INDEX supplies_facility_stay_facility ON supplies_facility_stay (facility_id);
