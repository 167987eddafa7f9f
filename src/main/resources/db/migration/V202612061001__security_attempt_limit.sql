-- Failure counters of sign-ins and public look-ups, one row per key (a source address, an account, one minute of
-- everyone's attempts); rows unused for a while are deleted.
CREATE TABLE security_attempt_limit (
    key          text        COLLATE "C" PRIMARY KEY,
    failures     int         NOT NULL CHECK (failures >= 0),
    last_attempt timestamptz NOT NULL
);

CREATE INDEX security_attempt_limit_last_attempt ON security_attempt_limit (last_attempt);
