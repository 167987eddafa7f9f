-- Personal sampling codes belong to the people module; the table is named after it.
CREATE TABLE people_code_secret (
    id          int         PRIMARY KEY CHECK (id = 1),
    secret      bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- The current code version of a person; no row means version 1, never re-issued.
CREATE TABLE people_sampling_code (
    person_id   bigint      PRIMARY KEY REFERENCES people_person (id),
    version     int         NOT NULL CHECK (version >= 1),
    reissued_at timestamptz NOT NULL,
    reissued_by text        NOT NULL
);

CREATE TABLE people_code_lookup (
    id          bigserial PRIMARY KEY,
    client      text        NOT NULL,
    at          timestamptz NOT NULL,
    matched     boolean     NOT NULL
);

CREATE INDEX people_code_lookup_client ON people_code_lookup (client, at);
