CREATE TABLE people_person (
    id          bigserial PRIMARY KEY,
    name        text        NOT NULL,
    id_type     text        NOT NULL CHECK (id_type IN ('RESIDENT_ID', 'PASSPORT', 'OTHER')),
    id_number   text        COLLATE "C" NOT NULL,
    phone       varchar(11) COLLATE "C",
    area_code   varchar(15) COLLATE "C" NOT NULL REFERENCES area (code),
    building    text,
    unit        text,
    room        text,
    tags        text[]      NOT NULL DEFAULT '{}',
    birth_date  date,
    sex         char(1)     CHECK (sex IN ('M', 'F')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT people_person_document UNIQUE (id_type, id_number)
);

CREATE INDEX people_person_area ON people_person (area_code, id);
CREATE INDEX people_person_name ON people_person (name COLLATE "C");
CREATE INDEX people_person_phone ON people_person (phone);
CREATE INDEX people_person_id_number ON people_person (id_number);
CREATE INDEX people_person_tags ON people_person USING gin (tags);
