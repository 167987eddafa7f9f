-- What the round planner says each site needs for a round (planning.RoundPlanned), by item: tubes per pool size,
-- swabs, and the items of the protective sets. Rows of a round's latest plan count; tubes and swabs only until the
-- round starts (from then on the sampling still to do plans them), protective sets until it ends.
CREATE TABLE supplies_round_need (
    round_id     bigint      NOT NULL,
    site_id      bigint      NOT NULL,
    item_code    text        NOT NULL,
    plan_id      bigint      NOT NULL,
    starts_at    timestamptz NOT NULL,
    ends_at      timestamptz NOT NULL,
    quantity     numeric     NOT NULL CHECK (quantity >= 0),
    until_start  boolean     NOT NULL,
    PRIMARY KEY (round_id, site_id, item_code)
);

CREATE INDEX supplies_round_need_ends ON supplies_round_need (ends_at);
