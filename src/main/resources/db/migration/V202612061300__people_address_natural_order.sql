-- Addresses sort as people read them: building 2 before building 11, room 201 before room 1101. A part that starts
-- with digits sorts by that number (padded to ten digits), then by what follows; any other part sorts as written.
-- The registry's read view publishes these keys, and the address indexes are built on them, so the not-yet-tested
-- list still walks an index in that order and stops after a page.
CREATE FUNCTION people_address_key(part text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT AS $$
    SELECT CASE WHEN part ~ '^[0-9]{1,10}([^0-9]|$)'
                THEN lpad(substring(part FROM '^[0-9]+'), 10, '0') || substring(part FROM '^[0-9]+(.*)$')
                ELSE part END
$$;

CREATE OR REPLACE VIEW people_resident AS
SELECT id, name, area_code, building, unit, room, phone, tags,
       people_address_key(building) AS building_key, people_address_key(unit) AS unit_key,
       people_address_key(room) AS room_key
FROM people_person;

DROP INDEX people_person_address;
CREATE INDEX people_person_address ON people_person
    (area_code, people_address_key(building), people_address_key(unit), people_address_key(room), id);

DROP INDEX people_person_bedridden_address;
CREATE INDEX people_person_bedridden_address ON people_person
    (area_code, people_address_key(building), people_address_key(unit), people_address_key(room), id)
    WHERE tags @> '{BEDRIDDEN}';
