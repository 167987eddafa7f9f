-- Centralized quarantine facilities (集中医学观察隔离点): rooms, team, category rules, stays, observations,
-- anomalies and their escalation steps.
CREATE TABLE quarantine_facility (
    id          bigserial PRIMARY KEY,
    name        text        NOT NULL,
    address     text        NOT NULL,
    contact     text,
    status      text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
    area_code   varchar(15) COLLATE "C" NOT NULL REFERENCES area (code),
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT quarantine_facility_name UNIQUE (name)
);
CREATE INDEX quarantine_facility_area ON quarantine_facility (area_code);

CREATE TABLE quarantine_room (
    id          bigserial PRIMARY KEY,
    facility_id bigint NOT NULL REFERENCES quarantine_facility (id),
    number      text   NOT NULL,
    floor       int    NOT NULL,
    type        text   NOT NULL DEFAULT 'SINGLE',
    status      text   NOT NULL DEFAULT 'AVAILABLE'
                CHECK (status IN ('AVAILABLE', 'OCCUPIED', 'AWAITING_DISINFECTION', 'OUT_OF_SERVICE')),
    status_since timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT quarantine_room_number UNIQUE (facility_id, number)
);
CREATE INDEX quarantine_room_status ON quarantine_room (facility_id, status);

CREATE TABLE quarantine_staff (
    id          bigserial PRIMARY KEY,
    facility_id bigint NOT NULL REFERENCES quarantine_facility (id),
    name        text   NOT NULL,
    phone       varchar(11) COLLATE "C",
    role        text   NOT NULL CHECK (role IN ('LEADER', 'LIAISON', 'DOCTOR', 'NURSE', 'DISINFECTION', 'TRANSFER',
                                                'CLEANING', 'HOTEL')),
    username    text
);
CREATE INDEX quarantine_staff_facility ON quarantine_staff (facility_id);

CREATE TABLE quarantine_category (
    id     bigserial PRIMARY KEY,
    code   text NOT NULL UNIQUE,
    name   text NOT NULL
);

-- A category's rule in force from effective_from until the next version's; stays keep the version they took.
CREATE TABLE quarantine_rule (
    id              bigserial PRIMARY KEY,
    category_id     bigint      NOT NULL REFERENCES quarantine_category (id),
    version         int         NOT NULL,
    effective_from  timestamptz NOT NULL,
    facility_days   int         NOT NULL CHECK (facility_days BETWEEN 0 AND 60),
    home_days       int         NOT NULL CHECK (home_days BETWEEN 0 AND 60),
    nat_days        int[]       NOT NULL DEFAULT '{}',
    antigen_days    int[]       NOT NULL DEFAULT '{}',
    family_allowed  boolean     NOT NULL DEFAULT false,
    notice          text,
    created_by      text,
    CONSTRAINT quarantine_rule_version UNIQUE (category_id, version)
);
CREATE INDEX quarantine_rule_effective ON quarantine_rule (category_id, effective_from DESC);

CREATE TABLE quarantine_arrival (
    id           bigserial PRIMARY KEY,
    facility_id  bigint      NOT NULL REFERENCES quarantine_facility (id),
    source       text        NOT NULL,
    expected_at  timestamptz NOT NULL,
    name         text        NOT NULL,
    phone        varchar(11) COLLATE "C",
    person_id    bigint,
    category_id  bigint      NOT NULL REFERENCES quarantine_category (id),
    status       text        NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED', 'ARRIVED', 'CANCELLED')),
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX quarantine_arrival_expected ON quarantine_arrival (facility_id, status, expected_at);

CREATE TABLE quarantine_stay (
    id                    bigserial PRIMARY KEY,
    facility_id           bigint      NOT NULL REFERENCES quarantine_facility (id),
    room_id               bigint      NOT NULL REFERENCES quarantine_room (id),
    person_id             bigint,
    name                  text        NOT NULL,
    phone                 varchar(11) COLLATE "C",
    id_number             text        COLLATE "C",
    community_code        varchar(15) COLLATE "C" REFERENCES area (code),
    home_address          text,
    category_id           bigint      NOT NULL REFERENCES quarantine_category (id),
    rule_id               bigint      NOT NULL REFERENCES quarantine_rule (id),
    admitted_at           timestamptz NOT NULL,
    admitted_on           date        NOT NULL,
    planned_release       date        NOT NULL,
    registration_complete boolean     NOT NULL,
    key_groups            text[]      NOT NULL DEFAULT '{}',
    needs                 text,
    status                text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'RELEASED')),
    home_check_result     text        CHECK (home_check_result IN ('PASS', 'FAIL')),
    home_check_inspector  text,
    home_check_note       text,
    home_check_at         timestamptz,
    destination           text        CHECK (destination IN ('HOME', 'HOSPITAL', 'OTHER_FACILITY', 'OTHER')),
    destination_address   text,
    released_at           timestamptz,
    released_by           text,
    home_monitoring_until date,
    request_id            text        UNIQUE,
    created_by            text        NOT NULL
);
-- A room holds one active stay, and a person is in at most one facility at a time.
CREATE UNIQUE INDEX quarantine_stay_active_room ON quarantine_stay (room_id) WHERE status = 'ACTIVE';
CREATE UNIQUE INDEX quarantine_stay_active_person ON quarantine_stay (person_id) WHERE status = 'ACTIVE';
CREATE UNIQUE INDEX quarantine_stay_active_id_number ON quarantine_stay (id_number) WHERE status = 'ACTIVE';
CREATE INDEX quarantine_stay_facility ON quarantine_stay (facility_id, status, planned_release);

CREATE TABLE quarantine_observation (
    id           bigserial PRIMARY KEY,
    stay_id      bigint       NOT NULL REFERENCES quarantine_stay (id),
    at           timestamptz  NOT NULL,
    observed_on  date         NOT NULL,
    temperature  numeric(3,1) CHECK (temperature BETWEEN 34 AND 43),
    symptoms     text[]       NOT NULL DEFAULT '{}',
    antigen      text         CHECK (antigen IN ('NEGATIVE', 'POSITIVE')),
    nat_sampled  boolean      NOT NULL DEFAULT false,
    nat_result   text         CHECK (nat_result IN ('NEGATIVE', 'POSITIVE')),
    note         text,
    recorded_by  text         NOT NULL,
    recorded_at  timestamptz  NOT NULL,
    request_id   text         UNIQUE
);
CREATE INDEX quarantine_observation_stay ON quarantine_observation (stay_id, observed_on);

CREATE TABLE quarantine_anomaly (
    id            bigserial PRIMARY KEY,
    stay_id       bigint      NOT NULL REFERENCES quarantine_stay (id),
    facility_id   bigint      NOT NULL REFERENCES quarantine_facility (id),
    observation_id bigint     REFERENCES quarantine_observation (id),
    reasons       text[]      NOT NULL,
    opened_at     timestamptz NOT NULL,
    status        text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'CLOSED')),
    level         int         NOT NULL DEFAULT 1,
    ack_deadline  timestamptz,
    acknowledged_at timestamptz,
    acknowledged_by text,
    closed_at     timestamptz,
    closed_by     text,
    outcome       text
);
CREATE INDEX quarantine_anomaly_open ON quarantine_anomaly (status, ack_deadline);
CREATE INDEX quarantine_anomaly_facility ON quarantine_anomaly (facility_id, status);

CREATE TABLE quarantine_anomaly_step (
    id          bigserial PRIMARY KEY,
    anomaly_id  bigint      NOT NULL REFERENCES quarantine_anomaly (id),
    at          timestamptz NOT NULL,
    action      text        NOT NULL,
    level       int         NOT NULL,
    by_user     text        NOT NULL,
    note        text
);
CREATE INDEX quarantine_anomaly_step_anomaly ON quarantine_anomaly_step (anomaly_id, id);

CREATE TABLE quarantine_follow_up (
    id          bigserial PRIMARY KEY,
    stay_id     bigint      NOT NULL REFERENCES quarantine_stay (id),
    called_on   date        NOT NULL,
    at          timestamptz NOT NULL,
    outcome     text        NOT NULL,
    by_user     text        NOT NULL
);
CREATE INDEX quarantine_follow_up_stay ON quarantine_follow_up (stay_id, called_on);
