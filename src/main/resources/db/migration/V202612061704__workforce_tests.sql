-- Tests a worker had elsewhere (a hospital's staff screening, a test before the resident record existed), for the
-- rule that work at a sampling site or in a control zone needs a recent negative test. The same test posted again
-- is stored once.
CREATE TABLE workforce_test (
    id           bigserial PRIMARY KEY,
    worker_id    bigint      NOT NULL REFERENCES workforce_worker (id),
    at           timestamptz NOT NULL,
    outcome      text        NOT NULL CHECK (outcome IN ('NEGATIVE', 'POSITIVE')),
    kind         text        NOT NULL CHECK (kind IN ('PCR', 'ANTIGEN')),
    recorded_by  text        NOT NULL,
    recorded_at  timestamptz NOT NULL,
    CONSTRAINT workforce_test_once UNIQUE (worker_id, at, kind)
);
