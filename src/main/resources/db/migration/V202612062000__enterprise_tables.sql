-- Closed-loop enterprises: the enterprise, its closed-loop periods, the roster of each loop and every movement in and
-- out, dormitory rooms, daily testing rounds, antigen self-tests, the liaison's daily reports, exceptions (a fever or
-- a positive) and the bedding sets asked for.
CREATE TABLE enterprise_enterprise (
    id           bigserial PRIMARY KEY,
    name         text        NOT NULL,
    credit_code  char(18)    COLLATE "C" NOT NULL UNIQUE,
    address      text,
    area_code    varchar(15) COLLATE "C" NOT NULL REFERENCES area (code),
    industry     text,
    staff_count  int         NOT NULL CHECK (staff_count >= 0),
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX enterprise_enterprise_area ON enterprise_enterprise (area_code);

CREATE TABLE enterprise_loop (
    id            bigserial PRIMARY KEY,
    enterprise_id bigint      NOT NULL REFERENCES enterprise_enterprise (id),
    notice        text,
    starts_at     timestamptz NOT NULL,
    ends_at       timestamptz,
    started_by    text        NOT NULL,
    ended_by      text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at IS NULL OR ends_at >= starts_at)
);

CREATE UNIQUE INDEX enterprise_loop_active ON enterprise_loop (enterprise_id) WHERE ends_at IS NULL;

CREATE TABLE enterprise_room (
    enterprise_id bigint      NOT NULL REFERENCES enterprise_enterprise (id),
    building      text        NOT NULL,
    number        text        NOT NULL,
    beds          int         NOT NULL CHECK (beds BETWEEN 1 AND 50),
    PRIMARY KEY (enterprise_id, building, number)
);

CREATE TABLE enterprise_member (
    loop_id      bigint      NOT NULL REFERENCES enterprise_loop (id),
    person_id    bigint      NOT NULL,
    shift_group  text,
    building     text,
    room         text,
    bedding      boolean     NOT NULL DEFAULT false,
    joined_at    timestamptz NOT NULL,
    left_at      timestamptz,
    PRIMARY KEY (loop_id, person_id)
);

CREATE INDEX enterprise_member_in_loop ON enterprise_member (loop_id, shift_group) WHERE left_at IS NULL;
CREATE INDEX enterprise_member_person ON enterprise_member (person_id) WHERE left_at IS NULL;

CREATE TABLE enterprise_movement (
    id          bigserial PRIMARY KEY,
    loop_id     bigint      NOT NULL REFERENCES enterprise_loop (id),
    person_id   bigint      NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('JOINED', 'ENTERED', 'LEFT')),
    at          timestamptz NOT NULL,
    reason      text,
    test_at     timestamptz,
    by_user     text        NOT NULL
);

CREATE INDEX enterprise_movement_loop ON enterprise_movement (loop_id, person_id, at);

CREATE TABLE enterprise_loop_day (
    loop_id     bigint      NOT NULL REFERENCES enterprise_loop (id),
    day         date        NOT NULL,
    round_id    bigint      NOT NULL,
    PRIMARY KEY (loop_id, day)
);

CREATE TABLE enterprise_antigen (
    loop_id      bigint      NOT NULL REFERENCES enterprise_loop (id),
    person_id    bigint      NOT NULL,
    day          date        NOT NULL,
    outcome      text        NOT NULL CHECK (outcome IN ('NEGATIVE', 'POSITIVE', 'INVALID')),
    photo        bytea,
    photo_type   text,
    recorded_at  timestamptz NOT NULL,
    recorded_by  text        NOT NULL,
    PRIMARY KEY (loop_id, day, person_id)
);

CREATE TABLE enterprise_report (
    loop_id      bigint      NOT NULL REFERENCES enterprise_loop (id),
    day          date        NOT NULL,
    in_loop      int         NOT NULL CHECK (in_loop >= 0),
    tested       int         NOT NULL CHECK (tested >= 0),
    positives    int         NOT NULL CHECK (positives >= 0),
    fevers       int         NOT NULL CHECK (fevers >= 0),
    meals        int         NOT NULL CHECK (meals >= 0),
    problems     text,
    filed_at     timestamptz NOT NULL,
    filed_by     text        NOT NULL,
    PRIMARY KEY (loop_id, day)
);

-- A report not filed by the deadline: its alert and how far it has escalated (1 = the enterprise's area, 2 = the command).
CREATE TABLE enterprise_report_missing (
    loop_id      bigint      NOT NULL REFERENCES enterprise_loop (id),
    day          date        NOT NULL,
    level        int         NOT NULL CHECK (level IN (1, 2)),
    raised_at    timestamptz NOT NULL,
    escalated_at timestamptz,
    PRIMARY KEY (loop_id, day)
);

CREATE TABLE enterprise_exception (
    id           bigserial PRIMARY KEY,
    loop_id      bigint      NOT NULL REFERENCES enterprise_loop (id),
    person_id    bigint      NOT NULL,
    kind         text        NOT NULL CHECK (kind IN ('FEVER', 'POSITIVE')),
    shift_group  text,
    detail       text,
    noted_at     timestamptz NOT NULL,
    noted_by     text        NOT NULL,
    closed_at    timestamptz,
    UNIQUE (loop_id, person_id, kind, noted_at)
);

CREATE INDEX enterprise_exception_open ON enterprise_exception (loop_id) WHERE closed_at IS NULL;

CREATE TABLE enterprise_bedding_request (
    id           bigserial PRIMARY KEY,
    loop_id      bigint      NOT NULL REFERENCES enterprise_loop (id),
    sets         int         NOT NULL CHECK (sets > 0),
    needed_by    timestamptz NOT NULL,
    requested_at timestamptz NOT NULL,
    requested_by text        NOT NULL
);
