CREATE TABLE testing_tube (
    id          bigserial PRIMARY KEY,
    code        text        COLLATE "C" NOT NULL UNIQUE,
    round_id    bigint      NOT NULL REFERENCES testing_round (id),
    site_id     bigint      NOT NULL REFERENCES testing_site (id),
    pool_size   int         NOT NULL CHECK (pool_size IN (1, 10, 20)),
    samples     int         NOT NULL DEFAULT 0,
    status      text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'SEALED')),
    opened_at   timestamptz NOT NULL,
    opened_by   text        NOT NULL,
    sealed_at   timestamptz,
    sealed_by   text,
    box_id      bigint,
    CHECK (samples BETWEEN 0 AND pool_size)
);

CREATE INDEX testing_tube_site ON testing_tube (site_id, opened_at);

CREATE TABLE testing_sample (
    id          bigserial PRIMARY KEY,
    tube_id     bigint      NOT NULL REFERENCES testing_tube (id),
    round_id    bigint      NOT NULL REFERENCES testing_round (id),
    site_id     bigint      NOT NULL REFERENCES testing_site (id),
    person_id   bigint      NOT NULL,
    sampled_at  timestamptz NOT NULL,
    sampled_by  text        NOT NULL,
    resample    boolean     NOT NULL DEFAULT false,
    removed_at  timestamptz,
    removed_by  text
);

-- One live sample of a person per tube, and one first sample per round: two instances cannot both record it.
CREATE UNIQUE INDEX testing_sample_in_tube ON testing_sample (tube_id, person_id) WHERE removed_at IS NULL;
CREATE UNIQUE INDEX testing_sample_first ON testing_sample (round_id, person_id) WHERE removed_at IS NULL AND NOT resample;
CREATE INDEX testing_sample_person ON testing_sample (person_id, round_id);
CREATE INDEX testing_sample_site ON testing_sample (site_id, sampled_at);

CREATE TABLE testing_checkin (
    id            bigserial PRIMARY KEY,
    round_id      bigint       NOT NULL REFERENCES testing_round (id),
    site_id       bigint       NOT NULL REFERENCES testing_site (id),
    person_id     bigint       NOT NULL,
    checked_in_at timestamptz  NOT NULL,
    temperature   numeric(3,1) NOT NULL CHECK (temperature BETWEEN 30 AND 45),
    fever         boolean      NOT NULL,
    checked_in_by text         NOT NULL
);

CREATE INDEX testing_checkin_site ON testing_checkin (site_id, checked_in_at);
CREATE INDEX testing_checkin_person ON testing_checkin (person_id, round_id);

CREATE TABLE testing_alert (
    id          bigserial PRIMARY KEY,
    site_id     bigint      NOT NULL REFERENCES testing_site (id),
    kind        text        NOT NULL,
    person_id   bigint,
    detail      text        NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE INDEX testing_alert_site ON testing_alert (site_id, created_at);

CREATE TABLE testing_box (
    id            bigserial PRIMARY KEY,
    code          text        COLLATE "C" NOT NULL UNIQUE,
    site_id       bigint      NOT NULL REFERENCES testing_site (id),
    status        text        NOT NULL DEFAULT 'PACKING' CHECK (status IN ('PACKING', 'DISPATCHED', 'RECEIVED')),
    packed_at     timestamptz NOT NULL,
    packed_by     text        NOT NULL,
    courier       text,
    dispatched_at timestamptz,
    dispatched_by text,
    lab_id        bigint      REFERENCES testing_lab (id),
    received_at   timestamptz,
    received_by   text
);

ALTER TABLE testing_tube ADD CONSTRAINT testing_tube_box FOREIGN KEY (box_id) REFERENCES testing_box (id);
CREATE INDEX testing_tube_box_id ON testing_tube (box_id);
CREATE INDEX testing_box_lab ON testing_box (lab_id);

-- A tube that was expected in a received box and not found, or found and not expected.
CREATE TABLE testing_box_discrepancy (
    box_id      bigint      NOT NULL REFERENCES testing_box (id),
    tube_code   text        COLLATE "C" NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('MISSING', 'EXTRA')),
    PRIMARY KEY (box_id, tube_code)
);

-- Every event a device sent, stored once by its client-generated id, with the answer it got.
CREATE TABLE testing_scan_event (
    event_id    uuid        PRIMARY KEY,
    device_id   text,
    type        text        NOT NULL,
    username    text        NOT NULL,
    at          timestamptz NOT NULL,
    received_at timestamptz NOT NULL,
    status      text        NOT NULL CHECK (status IN ('ACCEPTED', 'REJECTED')),
    reason      text,
    tube_code   text        COLLATE "C",
    person_id   bigint
);
