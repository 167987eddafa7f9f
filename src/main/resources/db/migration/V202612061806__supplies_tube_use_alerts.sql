-- Tubes opened at sampling sites, counted per round, site and pool size, and what of them the site's stock has given:
-- the periodic count issues the difference (one tube and pool-size swabs each), so a tube is taken once however often
-- it is counted; what the stock could not give stays owed until it can.
CREATE TABLE supplies_tube_use (
    round_id    bigint      NOT NULL,
    site_id     bigint      NOT NULL,
    pool_size   int         NOT NULL,
    counted     bigint      NOT NULL DEFAULT 0,
    tubes_taken bigint      NOT NULL DEFAULT 0,
    swabs_taken bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (round_id, site_id, pool_size)
);

-- Alerts raised and not yet cleared, so that the checks clear them when the condition is gone.
CREATE TABLE supplies_alert (
    key         text        COLLATE "C" PRIMARY KEY,
    raised_at   timestamptz NOT NULL
);
