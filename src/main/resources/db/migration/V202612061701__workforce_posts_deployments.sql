-- Where people work (a sampling site, a facility, a community, an enterprise, a command centre) and who is sent
-- there for which days. A post names its place by the owning module's id (or the area code); its code is the one
-- printed in its QR poster.
CREATE TABLE workforce_post (
    id          bigserial PRIMARY KEY,
    kind        text        NOT NULL CHECK (kind IN ('SITE', 'FACILITY', 'COMMUNITY', 'ENTERPRISE', 'COMMAND')),
    ref         text        COLLATE "C" NOT NULL,
    name        text        NOT NULL,
    area_code   varchar(15) COLLATE "C" NOT NULL REFERENCES area (code),
    code        text        COLLATE "C" NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT workforce_post_place UNIQUE (kind, ref)
);
CREATE INDEX workforce_post_area ON workforce_post (area_code);

CREATE TABLE workforce_deployment (
    id          bigserial PRIMARY KEY,
    worker_id   bigint      NOT NULL REFERENCES workforce_worker (id),
    post_id     bigint      NOT NULL REFERENCES workforce_post (id),
    from_date   date        NOT NULL,
    to_date     date        NOT NULL,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (to_date >= from_date)
);
CREATE INDEX workforce_deployment_worker ON workforce_deployment (worker_id, to_date);
CREATE INDEX workforce_deployment_post ON workforce_deployment (post_id, to_date);
