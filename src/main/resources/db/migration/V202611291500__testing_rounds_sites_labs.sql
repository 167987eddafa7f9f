CREATE TABLE testing_round (
    id          bigserial PRIMARY KEY,
    name        text        NOT NULL,
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    pool_size   int         NOT NULL CHECK (pool_size IN (1, 10, 20)),
    status      text        NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED', 'OPEN', 'CLOSED')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    opened_at   timestamptz,
    closed_at   timestamptz,
    CHECK (ends_at > starts_at)
);

CREATE TABLE testing_round_area (
    round_id    bigint      NOT NULL REFERENCES testing_round (id),
    area_code   varchar(15) COLLATE "C" NOT NULL REFERENCES area (code),
    PRIMARY KEY (round_id, area_code)
);

CREATE TABLE testing_site (
    id          bigserial PRIMARY KEY,
    name        text        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('FIXED', 'MOBILE', 'TEMPORARY', 'DOOR_TO_DOOR')),
    area_code   varchar(15) COLLATE "C" NOT NULL REFERENCES area (code),
    location    text,
    stations    int         NOT NULL CHECK (stations BETWEEN 1 AND 200),
    open        boolean     NOT NULL DEFAULT false,
    leader      text,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX testing_site_area ON testing_site (area_code);

CREATE TABLE testing_site_stop (
    site_id     bigint      NOT NULL REFERENCES testing_site (id),
    position    int         NOT NULL CHECK (position >= 1),
    name        text        NOT NULL,
    area_code   varchar(15) COLLATE "C" REFERENCES area (code),
    planned_at  timestamptz,
    arrived_at  timestamptz,
    left_at     timestamptz,
    PRIMARY KEY (site_id, position)
);

CREATE TABLE testing_lab (
    id          bigserial PRIMARY KEY,
    name        text        NOT NULL UNIQUE,
    area_code   varchar(15) COLLATE "C" NOT NULL REFERENCES area (code),
    created_at  timestamptz NOT NULL DEFAULT now()
);
