-- Control notices (通告) and risk zones (封控区/管控区/防范区): versioned level rules, notices that never change once
-- published, zones that keep the rule version they were set under, the positives that reset a zone's clean days,
-- proposals to lock down after a positive, and each zone's full rounds as last checked.

CREATE TABLE zones_rule (
    id                  bigserial   PRIMARY KEY,
    level               text        NOT NULL CHECK (level IN ('LOCKDOWN', 'CONTROL', 'PREVENTION')),
    version             int         NOT NULL,
    effective_from      timestamptz NOT NULL,
    pool_size           int         NOT NULL CHECK (pool_size IN (1, 5, 10, 20)),
    test_every_days     int         NOT NULL CHECK (test_every_days BETWEEN 1 AND 14),
    door_to_door        boolean     NOT NULL,
    movement            text        NOT NULL,
    clean_days          int         NOT NULL CHECK (clean_days BETWEEN 1 AND 60),
    negative_round_days int         CHECK (negative_round_days BETWEEN 0 AND 14),
    lift_to             text        NOT NULL CHECK (lift_to IN ('CONTROL', 'PREVENTION', 'NONE')),
    basis               text,
    created_by          text        NOT NULL,
    created_at          timestamptz NOT NULL,
    CONSTRAINT zones_rule_version UNIQUE (level, version)
);

CREATE TABLE zones_notice (
    id              bigserial   PRIMARY KEY,
    authority       text        NOT NULL,
    number          int         NOT NULL CHECK (number > 0),
    title           text        NOT NULL,
    published_at    timestamptz NOT NULL,
    effective_from  timestamptz NOT NULL,
    effective_until timestamptz,
    body            text        NOT NULL,
    replaces        bigint      REFERENCES zones_notice (id),
    published_by    text        NOT NULL,
    CONSTRAINT zones_notice_number UNIQUE (authority, number),
    CHECK (effective_until IS NULL OR effective_until > effective_from)
);

CREATE INDEX zones_notice_published ON zones_notice (published_at DESC, id DESC);
CREATE INDEX zones_notice_replaces ON zones_notice (replaces);

-- A published notice is a public document: a correction or an extension is a new notice that names it.
CREATE FUNCTION zones_notice_unchanged() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a published notice is never changed or deleted' USING ERRCODE = 'restrict_violation';
END $$;

CREATE TRIGGER zones_notice_unchanged BEFORE UPDATE OR DELETE ON zones_notice
    FOR EACH ROW EXECUTE FUNCTION zones_notice_unchanged();

-- Enterprises a notice orders into closed loop, or lets out of it.
CREATE TABLE zones_closed_loop (
    notice_id     bigint NOT NULL REFERENCES zones_notice (id),
    enterprise_id bigint NOT NULL,
    action        text   NOT NULL CHECK (action IN ('ORDER', 'LIFT')),
    PRIMARY KEY (notice_id, enterprise_id)
);

-- One period of an area (or of some buildings of a compound) at one level, under the rule version in force when it
-- began; a re-classification ends it and starts the next period (previous_id).
CREATE TABLE zones_zone (
    id          bigserial   PRIMARY KEY,
    area_code   varchar(15) COLLATE "C" NOT NULL REFERENCES area (code),
    area_name   text        NOT NULL,
    buildings   text[],
    level       text        NOT NULL CHECK (level IN ('LOCKDOWN', 'CONTROL', 'PREVENTION')),
    rule_id     bigint      NOT NULL REFERENCES zones_rule (id),
    notice_id   bigint      NOT NULL REFERENCES zones_notice (id),
    since       timestamptz NOT NULL,
    until       timestamptz,
    ended_by    bigint      REFERENCES zones_notice (id),
    previous_id bigint      REFERENCES zones_zone (id),
    set_by      text        NOT NULL,
    CHECK (until IS NULL OR until >= since),
    CHECK (buildings IS NULL OR cardinality(buildings) > 0)
);

CREATE UNIQUE INDEX zones_zone_open ON zones_zone (area_code, coalesce(buildings, '{}')) WHERE until IS NULL;
CREATE INDEX zones_zone_area ON zones_zone (area_code, since);
CREATE INDEX zones_zone_notice ON zones_zone (notice_id);

-- A confirmed positive of a resident, where they lived when it was found: it resets the clean days of the zones
-- around that address.
CREATE TABLE zones_positive (
    round_id  bigint      NOT NULL,
    person_id bigint      NOT NULL,
    tube_code text        NOT NULL,
    area_code varchar(15) COLLATE "C" NOT NULL,
    building  text,
    found_at  timestamptz NOT NULL,
    PRIMARY KEY (round_id, person_id)
);

CREATE INDEX zones_positive_area ON zones_positive (area_code, found_at);

-- Raising a compound (or one of its buildings) to LOCKDOWN after a positive: never applied by itself.
CREATE TABLE zones_proposal (
    id          bigserial   PRIMARY KEY,
    area_code   varchar(15) COLLATE "C" NOT NULL REFERENCES area (code),
    area_name   text        NOT NULL,
    building    text,
    positives   int         NOT NULL DEFAULT 1,
    first_at    timestamptz NOT NULL,
    last_at     timestamptz NOT NULL,
    status      text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'CONFIRMED', 'DISMISSED')),
    decided_by  text,
    decided_at  timestamptz,
    reason      text,
    zone_id     bigint      REFERENCES zones_zone (id)
);

CREATE UNIQUE INDEX zones_proposal_pending ON zones_proposal (area_code, coalesce(building, '')) WHERE status = 'PENDING';
CREATE INDEX zones_proposal_status ON zones_proposal (status, last_at DESC);

-- How a zone's residents fared in a round over it, as last checked; final once the round is closed and every
-- result is in (then it is never checked again).
CREATE TABLE zones_round_check (
    zone_id      bigint      NOT NULL REFERENCES zones_zone (id),
    round_id     bigint      NOT NULL,
    round_name   text        NOT NULL,
    round_began  timestamptz NOT NULL,
    residents    bigint      NOT NULL,
    sampled      bigint      NOT NULL,
    exempted     bigint      NOT NULL,
    negative     bigint      NOT NULL,
    pending      bigint      NOT NULL,
    positive     bigint      NOT NULL,
    checked_at   timestamptz NOT NULL,
    final        boolean     NOT NULL,
    PRIMARY KEY (zone_id, round_id)
);

-- What other modules may read in SQL: every zone period with its level, how strict it is (3 = LOCKDOWN) and the
-- rules it keeps. A zone is in force at t when since <= t and (until IS NULL OR until > t); buildings NULL means the
-- whole area (every code that starts with area_code).
CREATE VIEW zones_zone_period AS
SELECT z.id, z.area_code, z.buildings, z.level,
       CASE z.level WHEN 'LOCKDOWN' THEN 3 WHEN 'CONTROL' THEN 2 ELSE 1 END AS strictness,
       r.pool_size, r.door_to_door, r.test_every_days, z.since, z.until
FROM zones_zone z JOIN zones_rule r ON r.id = z.rule_id;
