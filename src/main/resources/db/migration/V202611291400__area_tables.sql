CREATE TABLE area (
    code        varchar(15) COLLATE "C" PRIMARY KEY,
    name        text        NOT NULL,
    name_en     text,
    level       text        NOT NULL CHECK (level IN ('PROVINCE', 'CITY', 'DISTRICT', 'SUBDISTRICT', 'COMMUNITY', 'COMPOUND')),
    parent_code varchar(15) COLLATE "C" REFERENCES area (code),
    CHECK (code ~ '^[0-9]{6}([0-9]{3}){0,3}$')
);

CREATE INDEX area_parent ON area (parent_code);
