-- Daily reports: an issued version is never updated; a correction is the next version with what changed.
CREATE TABLE command_report (
    id         bigserial   PRIMARY KEY,
    day        date        NOT NULL,
    area       varchar(15) COLLATE "C" NOT NULL,
    version    int         NOT NULL,
    issued_at  timestamptz NOT NULL,
    issued_by  text        NOT NULL,
    changes    text,
    figures    jsonb       NOT NULL,
    pdf        bytea       NOT NULL,
    xlsx       bytea       NOT NULL,
    CONSTRAINT command_report_version UNIQUE (day, area, version)
);

CREATE OR REPLACE FUNCTION command_report_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'An issued daily report is never changed; issue a new version instead';
END $$;

CREATE TRIGGER command_report_frozen BEFORE UPDATE ON command_report
    FOR EACH ROW EXECUTE FUNCTION command_report_frozen();
