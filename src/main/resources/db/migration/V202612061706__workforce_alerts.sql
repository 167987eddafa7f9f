-- Alerts this module has raised (no-show, a station without its sampler, a worker past a limit), so that the job
-- that notices them by time publishes each one once and its clearing once.
CREATE TABLE workforce_alert (
    key         text        COLLATE "C" PRIMARY KEY,
    raised_at   timestamptz NOT NULL,
    cleared_at  timestamptz
);
CREATE INDEX workforce_alert_open ON workforce_alert (raised_at) WHERE cleared_at IS NULL;
