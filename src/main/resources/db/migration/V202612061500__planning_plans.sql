-- A round's plans: the latest is the one the page, the proposals and the what-if use; earlier ones stay for comparing
-- a round with what was planned. Sites and proposals of a plan are rows of their own so that a page of sites or one
-- site's what-if reads only what it shows; a site's stream is the key of its random streams, which a what-if reuses.
CREATE TABLE planning_plan (
    id          bigserial   PRIMARY KEY,
    round_id    bigint      NOT NULL,
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL,
    seed        bigint      NOT NULL,
    runs        int         NOT NULL CHECK (runs BETWEEN 1 AND 100),
    meets_norms boolean     NOT NULL,
    summary     jsonb       NOT NULL
);

CREATE INDEX planning_plan_round ON planning_plan (round_id, id);

CREATE TABLE planning_plan_site (
    plan_id     bigint      NOT NULL REFERENCES planning_plan (id),
    site_id     bigint      NOT NULL,
    position    int         NOT NULL,
    meets_norms boolean     NOT NULL,
    stream      bigint      NOT NULL,
    detail      jsonb       NOT NULL,
    PRIMARY KEY (plan_id, site_id)
);

CREATE UNIQUE INDEX planning_plan_site_position ON planning_plan_site (plan_id, position);

CREATE TABLE planning_proposal (
    plan_id         bigint      NOT NULL REFERENCES planning_plan (id),
    n               int         NOT NULL CHECK (n >= 1),
    kind            text        NOT NULL CHECK (kind IN ('EXTRA_STATIONS', 'MOVE_COMPOUND', 'MOBILE_POINT', 'DOOR_TO_DOOR_TEAM')),
    detail          jsonb       NOT NULL,
    applied_at      timestamptz,
    applied_by      text,
    created_site_id bigint,
    PRIMARY KEY (plan_id, n)
);
