-- The staff living on site in each closed loop, kept from the enterprise module's LoopHeadcountChanged and LoopEnded:
-- the headcount that the per-staff-and-day living-supplies norms count for the enterprise. A loop once ended keeps
-- its row, marked, so that a late headcount event cannot bring it back.
CREATE TABLE supplies_loop_staff (
    loop_id        bigint      PRIMARY KEY,
    enterprise_id  bigint      NOT NULL,
    area_code      varchar(15) COLLATE "C" NOT NULL,
    headcount      bigint      NOT NULL CHECK (headcount >= 0),
    counted_at     timestamptz NOT NULL,
    ended          boolean     NOT NULL DEFAULT false
);

CREATE INDEX supplies_loop_staff_area ON supplies_loop_staff (area_code) WHERE NOT ended;
