-- What past rounds taught: per round that was learned from (and its areas), the arrival shares per 10 minutes, the
-- rate of a walk-in station and of a door-to-door team, and the labs' turnaround; per site its own rate. A plan uses
-- the latest lesson of a round over the same areas (or areas inside or around them), and each site's latest rate.
CREATE TABLE planning_learned (
    round_id             bigint           PRIMARY KEY,
    learned_at           timestamptz      NOT NULL,
    learned_by           text             NOT NULL,
    areas                text[]           NOT NULL,
    arrivals             int              NOT NULL,
    arrival_shares       double precision[] NOT NULL,
    station_rate         double precision,
    service_cv           double precision,
    door_to_door_rate    double precision,
    lab_turnaround_hours double precision
);

CREATE INDEX planning_learned_at ON planning_learned (learned_at);

CREATE TABLE planning_learned_site (
    round_id     bigint           NOT NULL REFERENCES planning_learned (round_id),
    site_id      bigint           NOT NULL,
    rate         double precision NOT NULL,
    cv           double precision NOT NULL,
    swabs        int              NOT NULL,
    PRIMARY KEY (round_id, site_id)
);

CREATE INDEX planning_learned_site_site ON planning_learned_site (site_id);
