-- One result per tube; the result of every person in the tube is derived by joining testing_sample.
CREATE TABLE testing_result (
    tube_id     bigint       PRIMARY KEY REFERENCES testing_tube (id),
    outcome     text         NOT NULL CHECK (outcome IN ('NEGATIVE', 'POSITIVE', 'INVALID')),
    ct_orf1ab   numeric(4,1) CHECK (ct_orf1ab BETWEEN 0 AND 50),
    ct_n        numeric(4,1) CHECK (ct_n BETWEEN 0 AND 50),
    tested_at   timestamptz  NOT NULL,
    lab_id      bigint       NOT NULL REFERENCES testing_lab (id),
    operator    text         NOT NULL,
    posted_at   timestamptz  NOT NULL,
    corrected   boolean      NOT NULL DEFAULT false
);

CREATE INDEX testing_result_lab ON testing_result (lab_id, posted_at);

-- A correction keeps what was there before, who changed it and why.
CREATE TABLE testing_result_correction (
    id              bigserial    PRIMARY KEY,
    tube_id         bigint       NOT NULL REFERENCES testing_result (tube_id),
    before_outcome  text         NOT NULL,
    before_ct_orf1ab numeric(4,1),
    before_ct_n     numeric(4,1),
    after_outcome   text         NOT NULL,
    after_ct_orf1ab numeric(4,1),
    after_ct_n      numeric(4,1),
    reason          text         NOT NULL,
    corrected_by    text         NOT NULL,
    corrected_at    timestamptz  NOT NULL
);

CREATE INDEX testing_result_correction_tube ON testing_result_correction (tube_id);

-- A file a lab uploaded with errors, kept so that its valid rows can be imported on request.
CREATE TABLE testing_result_upload (
    id          bigserial    PRIMARY KEY,
    lab_id      bigint       NOT NULL REFERENCES testing_lab (id),
    username    text         NOT NULL,
    filename    text         NOT NULL,
    content     bytea        NOT NULL,
    uploaded_at timestamptz  NOT NULL,
    imported_at timestamptz
);

-- A resident counted apart in a round's coverage.
CREATE TABLE testing_exemption (
    round_id    bigint       NOT NULL REFERENCES testing_round (id),
    person_id   bigint       NOT NULL,
    reason      text         NOT NULL CHECK (reason IN ('AWAY', 'HOSPITALIZED', 'IN_QUARANTINE', 'DECEASED')),
    exempted_by text         NOT NULL,
    exempted_at timestamptz  NOT NULL,
    PRIMARY KEY (round_id, person_id)
);

-- A retest (single-tube sampling) of a member of a positive or invalid pool, owned by the person's community.
CREATE TABLE testing_task (
    id             bigserial    PRIMARY KEY,
    round_id       bigint       NOT NULL REFERENCES testing_round (id),
    person_id      bigint       NOT NULL,
    source_tube_id bigint       NOT NULL REFERENCES testing_tube (id),
    area_code      varchar(15)  COLLATE "C" NOT NULL,
    door_to_door   boolean      NOT NULL,
    due_at         timestamptz  NOT NULL,
    holder         text,
    status         text         NOT NULL DEFAULT 'OPEN'
                   CHECK (status IN ('OPEN', 'CLEARED', 'CONFIRMED_POSITIVE', 'CANCELLED')),
    created_at     timestamptz  NOT NULL,
    resolved_at    timestamptz,
    result_tube_id bigint       REFERENCES testing_tube (id),
    UNIQUE (source_tube_id, person_id)
);

CREATE INDEX testing_task_person ON testing_task (person_id) WHERE status = 'OPEN';
CREATE INDEX testing_task_area ON testing_task (area_code, status);

-- Alerts of the follow-up: a pool turned positive or invalid (one per community concerned), a confirmed positive.
CREATE TABLE testing_followup_alert (
    id          bigserial    PRIMARY KEY,
    kind        text         NOT NULL CHECK (kind IN ('POSITIVE_POOL', 'INVALID_POOL', 'CONFIRMED_POSITIVE')),
    round_id    bigint       NOT NULL REFERENCES testing_round (id),
    tube_id     bigint       NOT NULL REFERENCES testing_tube (id),
    person_id   bigint,
    area_code   varchar(15)  COLLATE "C" NOT NULL,
    created_at  timestamptz  NOT NULL
);

CREATE INDEX testing_followup_alert_area ON testing_followup_alert (area_code, created_at);
CREATE UNIQUE INDEX testing_followup_alert_once ON testing_followup_alert (kind, tube_id, area_code, coalesce(person_id, 0));
CREATE INDEX testing_sample_round_person ON testing_sample (round_id, person_id) WHERE removed_at IS NULL;
