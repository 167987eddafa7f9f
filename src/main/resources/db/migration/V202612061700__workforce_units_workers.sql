-- The agencies that send cadres (派出单位) and the people on the front line: cadres, volunteers, medical staff and
-- others. A worker who is also a resident keeps the resident's id (people module), never a copy of the record.
CREATE TABLE workforce_unit (
    id          bigserial PRIMARY KEY,
    name        text        NOT NULL UNIQUE,
    area_code   varchar(15) COLLATE "C" NOT NULL REFERENCES area (code),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE workforce_worker (
    id            bigserial PRIMARY KEY,
    name          text        NOT NULL,
    id_type       text        NOT NULL CHECK (id_type IN ('RESIDENT_ID', 'PASSPORT', 'OTHER')),
    id_number     text        COLLATE "C" NOT NULL,
    phone         varchar(11) COLLATE "C",
    kind          text        NOT NULL CHECK (kind IN ('CADRE', 'VOLUNTEER', 'MEDICAL', 'POLICE', 'PROPERTY', 'OTHER')),
    unit_id       bigint      REFERENCES workforce_unit (id),
    skills        text[]      NOT NULL DEFAULT '{}',
    can_sample    boolean     NOT NULL DEFAULT false,
    licence       text,
    status        text        NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'RESTING', 'SICK', 'RELEASED')),
    area_code     varchar(15) COLLATE "C" NOT NULL REFERENCES area (code),
    person_id     bigint,
    account       text        COLLATE "C" UNIQUE,
    availability  text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT workforce_worker_document UNIQUE (id_type, id_number)
);
CREATE INDEX workforce_worker_unit ON workforce_worker (unit_id, name);
CREATE INDEX workforce_worker_area ON workforce_worker (area_code, status);
CREATE INDEX workforce_worker_person ON workforce_worker (person_id) WHERE person_id IS NOT NULL;
