-- Shifts of a post and who is assigned to them. An assignment covers the whole shift or, for a rotation, part of
-- it; check-in and check-out are the first and last times the worker was recorded at the post, from idempotent
-- attendance events (the client's event id is the key).
CREATE TABLE workforce_shift (
    id          bigserial PRIMARY KEY,
    post_id     bigint      NOT NULL REFERENCES workforce_post (id),
    role        text        NOT NULL CHECK (role IN ('SITE_LEADER', 'SAMPLER', 'REGISTRAR', 'ORDER_KEEPER',
                                                     'DISINFECTION', 'LIAISON', 'DRIVER', 'TRANSFER',
                                                     'MEDICAL_CARE', 'DUTY')),
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    needed      int         NOT NULL CHECK (needed BETWEEN 1 AND 500),
    suit        boolean     NOT NULL,
    station     int,
    round_id    bigint,
    limits_id   bigint      NOT NULL REFERENCES workforce_limits (id),
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at AND ends_at <= starts_at + interval '24 hours')
);
CREATE INDEX workforce_shift_post ON workforce_shift (post_id, starts_at);
CREATE INDEX workforce_shift_start ON workforce_shift (starts_at);
CREATE UNIQUE INDEX workforce_shift_generated ON workforce_shift (post_id, role, starts_at, coalesce(station, 0))
    WHERE round_id IS NOT NULL;

CREATE TABLE workforce_assignment (
    id              bigserial PRIMARY KEY,
    shift_id        bigint      NOT NULL REFERENCES workforce_shift (id),
    worker_id       bigint      NOT NULL REFERENCES workforce_worker (id),
    starts_at       timestamptz NOT NULL,
    ends_at         timestamptz NOT NULL,
    assigned_by     text        NOT NULL,
    assigned_at     timestamptz NOT NULL,
    checked_in_at   timestamptz,
    checked_out_at  timestamptz,
    CONSTRAINT workforce_assignment_once UNIQUE (shift_id, worker_id),
    CHECK (ends_at > starts_at)
);
CREATE INDEX workforce_assignment_worker ON workforce_assignment (worker_id, starts_at);
CREATE INDEX workforce_assignment_on_duty ON workforce_assignment (shift_id)
    WHERE checked_in_at IS NOT NULL AND checked_out_at IS NULL;

CREATE TABLE workforce_attendance (
    event_id       uuid        PRIMARY KEY,
    kind           text        NOT NULL CHECK (kind IN ('CHECK_IN', 'CHECK_OUT')),
    assignment_id  bigint      NOT NULL REFERENCES workforce_assignment (id),
    at             timestamptz NOT NULL,
    channel        text        NOT NULL,
    recorded_by    text        NOT NULL,
    recorded_at    timestamptz NOT NULL
);
CREATE INDEX workforce_attendance_assignment ON workforce_attendance (assignment_id);
