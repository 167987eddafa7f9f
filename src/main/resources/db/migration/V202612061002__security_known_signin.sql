-- Where each account last signed in successfully: from such an address its owner is not slowed down by guessing
-- from elsewhere.
CREATE TABLE security_known_signin (
    username     text        NOT NULL,
    address      text        COLLATE "C" NOT NULL,
    last_success timestamptz NOT NULL,
    PRIMARY KEY (username, address)
);

CREATE INDEX security_known_signin_last_success ON security_known_signin (last_success);
