-- The ledger: every change of stock is one row here, never updated or deleted; a wrong one is corrected by a
-- REVERSAL row naming it. A movement takes stock out of from_place and/or puts it into to_place (a TRANSFER puts it
-- there when it is received). A client's movement that spans several lots is stored as parts 0..n of its client id.
-- An ADJUSTMENT keeps the counted quantity and moves the difference (none when the count matched the books).
CREATE TABLE supplies_movement (
    id          bigserial   PRIMARY KEY,
    client_id   uuid        NOT NULL,
    part        smallint    NOT NULL DEFAULT 0,
    type        text        NOT NULL CHECK (type IN ('RECEIPT', 'DONATION', 'TRANSFER', 'ISSUE', 'ADJUSTMENT', 'WRITE_OFF', 'REVERSAL')),
    item_code   text        COLLATE "C" NOT NULL REFERENCES supplies_item (code),
    quantity    int         NOT NULL CHECK (quantity > 0 OR type = 'ADJUSTMENT' AND quantity = 0),
    counted     int         CHECK (counted >= 0),
    from_place  text        COLLATE "C" REFERENCES supplies_place (place),
    to_place    text        COLLATE "C" REFERENCES supplies_place (place),
    lot         text        COLLATE "C" NOT NULL DEFAULT '',
    expires_on  date,
    reason      text,
    reverses    bigint      REFERENCES supplies_movement (id),
    shipment_id bigint,
    donation_id bigint,
    at          timestamptz NOT NULL,
    by_user     text        NOT NULL,
    UNIQUE (client_id, part),
    CHECK (from_place IS NOT NULL OR to_place IS NOT NULL)
);

CREATE INDEX supplies_movement_item ON supplies_movement (item_code, id);
CREATE INDEX supplies_movement_from ON supplies_movement (from_place, item_code, id) WHERE from_place IS NOT NULL;
CREATE INDEX supplies_movement_to ON supplies_movement (to_place, item_code, id) WHERE to_place IS NOT NULL;
CREATE UNIQUE INDEX supplies_movement_reversed ON supplies_movement (reverses) WHERE reverses IS NOT NULL;

-- What arrived of a transfer: its quantity at the destination, and the difference to what was sent. Written once.
CREATE TABLE supplies_receipt (
    movement_id bigint      PRIMARY KEY REFERENCES supplies_movement (id),
    received    int         NOT NULL CHECK (received >= 0),
    discrepancy int         NOT NULL,
    note        text,
    at          timestamptz NOT NULL,
    by_user     text        NOT NULL
);

-- Stock per place, item and lot: the sum of the ledger, kept in the transaction that writes each movement, and never
-- below zero.
CREATE TABLE supplies_stock (
    place       text        COLLATE "C" NOT NULL REFERENCES supplies_place (place),
    item_code   text        COLLATE "C" NOT NULL REFERENCES supplies_item (code),
    lot         text        COLLATE "C" NOT NULL DEFAULT '',
    expires_on  date,
    quantity    bigint      NOT NULL CHECK (quantity >= 0),
    PRIMARY KEY (place, item_code, lot)
);

-- Transfers sent and not yet received (or reversed), by destination: kept with the ledger.
CREATE TABLE supplies_transit (
    movement_id bigint      PRIMARY KEY REFERENCES supplies_movement (id),
    to_place    text        COLLATE "C" NOT NULL,
    item_code   text        COLLATE "C" NOT NULL,
    quantity    int         NOT NULL
);

CREATE INDEX supplies_transit_to ON supplies_transit (to_place, item_code);

-- What left each place for use (issued, or sent on) per day in the district's time zone: the last days' average use.
CREATE TABLE supplies_use_day (
    place       text        COLLATE "C" NOT NULL,
    item_code   text        COLLATE "C" NOT NULL,
    day         date        NOT NULL,
    quantity    bigint      NOT NULL,
    PRIMARY KEY (place, item_code, day)
);
