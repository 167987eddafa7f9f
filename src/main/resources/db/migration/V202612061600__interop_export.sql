-- A FHIR Bulk Data export of a round: who asked, for which resource types, changed since when, as of when, and where
-- its files are cut (lowest tube id and lowest person id of each part). Its files are produced as they are downloaded.
CREATE TABLE interop_export (
    id               uuid         PRIMARY KEY,
    user_id          bigint       NOT NULL,
    username         text         NOT NULL,
    round_id         bigint       NOT NULL,
    types            text[]       NOT NULL,
    since            timestamptz,
    transaction_time timestamptz  NOT NULL,
    request          text         NOT NULL,
    tube_bounds      bigint[]     NOT NULL,
    person_bounds    bigint[]     NOT NULL,
    status           text         NOT NULL CHECK (status IN ('COMPLETE', 'CANCELLED')),
    requested_at     timestamptz  NOT NULL
);

CREATE INDEX interop_export_user ON interop_export (user_id, requested_at);
