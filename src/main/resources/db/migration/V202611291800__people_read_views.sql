-- What other modules may read of the residents registry, set-based and read-only: a resident's area, address,
-- contact and tags (never the identity document), and the number of residents per area code, kept by triggers so
-- that no reader counts two million rows. Other modules read these views, never people_person.

CREATE TABLE people_area_count (
    area_code   varchar(15) COLLATE "C" NOT NULL PRIMARY KEY,
    residents   bigint      NOT NULL
);

INSERT INTO people_area_count (area_code, residents)
SELECT area_code, count(*) FROM people_person GROUP BY area_code;

CREATE FUNCTION people_area_count_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO people_area_count AS c (area_code, residents)
    SELECT area_code, count(*) FROM new_people GROUP BY area_code ORDER BY area_code
    ON CONFLICT (area_code) DO UPDATE SET residents = c.residents + excluded.residents;
    RETURN NULL;
END $$;

CREATE FUNCTION people_area_count_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE people_area_count c SET residents = c.residents - d.n
    FROM (SELECT area_code, count(*) AS n FROM old_people GROUP BY area_code ORDER BY area_code) d
    WHERE c.area_code = d.area_code;
    RETURN NULL;
END $$;

-- A move to another area: one down where the person was, one up where they are now.
CREATE FUNCTION people_area_count_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO people_area_count AS c (area_code, residents)
    SELECT area_code, sum(delta) FROM (
        SELECT o.area_code, -1 AS delta FROM old_people o JOIN new_people n ON n.id = o.id WHERE n.area_code <> o.area_code
        UNION ALL
        SELECT n.area_code, 1 FROM old_people o JOIN new_people n ON n.id = o.id WHERE n.area_code <> o.area_code
    ) moved
    GROUP BY area_code ORDER BY area_code
    ON CONFLICT (area_code) DO UPDATE SET residents = c.residents + excluded.residents;
    RETURN NULL;
END $$;

CREATE TRIGGER people_area_count_insert AFTER INSERT ON people_person
    REFERENCING NEW TABLE AS new_people FOR EACH STATEMENT EXECUTE FUNCTION people_area_count_insert();
CREATE TRIGGER people_area_count_delete AFTER DELETE ON people_person
    REFERENCING OLD TABLE AS old_people FOR EACH STATEMENT EXECUTE FUNCTION people_area_count_delete();
CREATE TRIGGER people_area_count_update AFTER UPDATE ON people_person
    REFERENCING OLD TABLE AS old_people NEW TABLE AS new_people FOR EACH STATEMENT EXECUTE FUNCTION people_area_count_update();

CREATE VIEW people_residents_by_area AS
SELECT area_code, residents FROM people_area_count;

CREATE VIEW people_resident AS
SELECT id, name, area_code, building, unit, room, phone, tags FROM people_person;

-- Residents of an area in address order (the not-yet-tested list walks it and stops after a page).
CREATE INDEX people_person_address ON people_person (area_code, building, unit, room, id);
