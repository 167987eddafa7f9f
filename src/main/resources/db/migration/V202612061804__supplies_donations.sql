-- Donors and what they gave: each donation is received at one place, numbered for its acknowledgement letter, and its
-- items enter the ledger as DONATION movements. The contact is personal data: never on the public list.
CREATE TABLE supplies_donor (
    id          bigserial   PRIMARY KEY,
    kind        text        NOT NULL CHECK (kind IN ('COMPANY', 'PERSON')),
    name        text        NOT NULL,
    contact     text,
    phone       text,
    created_at  timestamptz NOT NULL
);

CREATE UNIQUE INDEX supplies_donor_company ON supplies_donor (name) WHERE kind = 'COMPANY';

CREATE TABLE supplies_donation (
    id          bigserial   PRIMARY KEY,
    number      text        COLLATE "C" NOT NULL UNIQUE,
    client_id   uuid        UNIQUE,
    donor_id    bigint      NOT NULL REFERENCES supplies_donor (id),
    to_place    text        COLLATE "C" NOT NULL REFERENCES supplies_place (place),
    received_by text        NOT NULL,
    received_at timestamptz NOT NULL,
    note        text,
    created_by  text        NOT NULL
);

CREATE INDEX supplies_donation_received ON supplies_donation (received_at);
ALTER TABLE supplies_movement ADD CONSTRAINT supplies_movement_donation FOREIGN KEY (donation_id) REFERENCES supplies_donation (id);
CREATE INDEX supplies_movement_donation_id ON supplies_movement (donation_id) WHERE donation_id IS NOT NULL;
