-- Volunteer-hours certificates (志愿服务时长证明): what was certified, for whom, and the code the public page checks.
CREATE TABLE workforce_certificate (
    id          bigserial PRIMARY KEY,
    code        text        COLLATE "C" NOT NULL UNIQUE,
    worker_id   bigint      NOT NULL REFERENCES workforce_worker (id),
    from_date   date        NOT NULL,
    to_date     date        NOT NULL,
    minutes     int         NOT NULL,
    shifts      int         NOT NULL,
    issued_by   text        NOT NULL,
    issued_at   timestamptz NOT NULL
);
CREATE INDEX workforce_certificate_worker ON workforce_certificate (worker_id);
