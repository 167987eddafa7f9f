CREATE TABLE security_user (
    id            bigserial PRIMARY KEY,
    username      text        NOT NULL UNIQUE,
    password_hash text        NOT NULL,
    roles         text[]      NOT NULL,
    scope_area    varchar(15) COLLATE "C" NOT NULL REFERENCES area (code),
    enabled       boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (username ~ '^[A-Za-z0-9._-]{2,64}$')
);

CREATE TABLE security_token (
    id          bigserial PRIMARY KEY,
    token_hash  bytea       NOT NULL UNIQUE,
    user_id     bigint      NOT NULL REFERENCES security_user (id),
    kind        text        NOT NULL CHECK (kind IN ('SESSION', 'DEVICE')),
    label       text,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);

CREATE INDEX security_token_user ON security_token (user_id);

CREATE TABLE security_login_failure (
    username text        NOT NULL,
    at       timestamptz NOT NULL
);

CREATE INDEX security_login_failure_recent ON security_login_failure (username, at);
