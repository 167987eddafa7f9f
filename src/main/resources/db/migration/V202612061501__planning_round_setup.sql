-- What a round's plan changed for the round: stations per hour from the round's start at a site (instead of the
-- site's stations for the whole arrival window), and compounds moved from one site to another (from none: people no
-- site served). Moves apply in the order they were made.
CREATE TABLE planning_schedule (
    round_id    bigint      NOT NULL,
    site_id     bigint      NOT NULL,
    stations    int[]       NOT NULL CHECK (cardinality(stations) BETWEEN 1 AND 48),
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (round_id, site_id)
);

CREATE TABLE planning_move (
    id           bigserial   PRIMARY KEY,
    round_id     bigint      NOT NULL,
    compound     varchar(15) COLLATE "C" NOT NULL,
    from_site_id bigint,
    to_site_id   bigint      NOT NULL,
    created_at   timestamptz NOT NULL
);

CREATE INDEX planning_move_round ON planning_move (round_id, id);
