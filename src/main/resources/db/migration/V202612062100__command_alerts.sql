-- The alerts inbox: one alert per source and key, as the raising module names it; its owner area moves up the
-- hierarchy when nobody acknowledges it in time (origin_area stays where it was raised).
CREATE TABLE command_alert (
    id               bigserial   PRIMARY KEY,
    source           text        NOT NULL,
    key              text        NOT NULL,
    severity         text        NOT NULL CHECK (severity IN ('INFO', 'WARNING', 'URGENT')),
    origin_area      varchar(15) COLLATE "C" NOT NULL,
    area             varchar(15) COLLATE "C" NOT NULL,
    level            int         NOT NULL DEFAULT 0,
    title_key        text        NOT NULL,
    args             text[]      NOT NULL DEFAULT '{}',
    href             text,
    deadline         timestamptz,
    status           text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'CLOSED')),
    raised_at        timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    acknowledged_at  timestamptz,
    acknowledged_by  text,
    assignee         text,
    closed_at        timestamptz,
    closed_by        text,
    CONSTRAINT command_alert_source_key UNIQUE (source, key)
);

CREATE INDEX command_alert_open ON command_alert (area, raised_at) WHERE status <> 'CLOSED';
CREATE INDEX command_alert_deadline ON command_alert (deadline) WHERE status = 'OPEN';
CREATE INDEX command_alert_origin ON command_alert (origin_area, raised_at);

CREATE TABLE command_alert_entry (
    id        bigserial   PRIMARY KEY,
    alert_id  bigint      NOT NULL REFERENCES command_alert (id),
    kind      text        NOT NULL,
    by_user   text,
    note      text,
    at        timestamptz NOT NULL
);

CREATE INDEX command_alert_entry_alert ON command_alert_entry (alert_id, id);
