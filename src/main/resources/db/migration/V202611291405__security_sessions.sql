-- Page sessions live in the database (Spring Session JDBC), so any instance of Frontline can answer any request.
CREATE TABLE security_session (
    primary_id            char(36) NOT NULL,
    session_id            char(36) NOT NULL,
    creation_time         bigint   NOT NULL,
    last_access_time      bigint   NOT NULL,
    max_inactive_interval int      NOT NULL,
    expiry_time           bigint   NOT NULL,
    principal_name        varchar(100),
    CONSTRAINT security_session_pk PRIMARY KEY (primary_id)
);

CREATE UNIQUE INDEX security_session_ix1 ON security_session (session_id);
CREATE INDEX security_session_ix2 ON security_session (expiry_time);
CREATE INDEX security_session_ix3 ON security_session (principal_name);

CREATE TABLE security_session_attributes (
    session_primary_id char(36)     NOT NULL,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea        NOT NULL,
    CONSTRAINT security_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT security_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES security_session (primary_id) ON DELETE CASCADE
);
