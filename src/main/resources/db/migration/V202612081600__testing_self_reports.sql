-- A resident who came forward (a positive antigen self-test, fever or other symptoms), recorded by their community
-- so that a single-tube test is arranged; the single tube's result resolves it, and a positive found this way counts
-- as self-reported in the district's figures.
CREATE TABLE testing_self_report (
    id           bigserial   PRIMARY KEY,
    client_id    uuid        NOT NULL UNIQUE,
    person_id    bigint      NOT NULL,
    community    varchar(15) COLLATE "C" NOT NULL,
    kind         text        NOT NULL CHECK (kind IN ('ANTIGEN_POSITIVE', 'SYMPTOMS')),
    note         text,
    reported_at  timestamptz NOT NULL,
    recorded_by  text        NOT NULL,
    status       text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLEARED', 'CONFIRMED_POSITIVE')),
    resolved_at  timestamptz,
    result_tube_id bigint    REFERENCES testing_tube (id)
);

CREATE INDEX testing_self_report_person ON testing_self_report (person_id, reported_at);
CREATE INDEX testing_self_report_community ON testing_self_report (community, reported_at);
-- One open report per person: coming forward again while one is open is the same report.
CREATE UNIQUE INDEX testing_self_report_open ON testing_self_report (person_id) WHERE status = 'OPEN';
