-- Bedridden residents of an area in address order: the head of the not-yet-tested list (door to door), a few
-- thousand in a city, read without touching the area's other residents.
CREATE INDEX people_person_bedridden_address ON people_person (area_code, building, unit, room, id)
    WHERE tags @> '{BEDRIDDEN}';
