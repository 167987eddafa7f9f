-- A consignment from one place to another: the transfers dispatched together, on one delivery note whose QR code
-- carries the shipment's code.
CREATE TABLE supplies_shipment (
    id            bigserial   PRIMARY KEY,
    code          text        COLLATE "C" NOT NULL UNIQUE,
    from_place    text        COLLATE "C" NOT NULL REFERENCES supplies_place (place),
    to_place      text        COLLATE "C" NOT NULL REFERENCES supplies_place (place),
    request_id    bigint,
    dispatched_at timestamptz NOT NULL,
    dispatched_by text        NOT NULL
);

ALTER TABLE supplies_movement ADD CONSTRAINT supplies_movement_shipment FOREIGN KEY (shipment_id) REFERENCES supplies_shipment (id);
CREATE INDEX supplies_movement_shipment_id ON supplies_movement (shipment_id) WHERE shipment_id IS NOT NULL;

-- A post asks a warehouse for items by a time; the warehouse approves all or part, dispatches, the post receives.
CREATE TABLE supplies_request (
    id            bigserial   PRIMARY KEY,
    client_id     uuid        UNIQUE,
    place         text        COLLATE "C" NOT NULL REFERENCES supplies_place (place),
    warehouse     text        COLLATE "C" NOT NULL REFERENCES supplies_place (place),
    needed_by     timestamptz NOT NULL,
    status        text        NOT NULL CHECK (status IN ('REQUESTED', 'APPROVED', 'DISPATCHED', 'RECEIVED', 'DECLINED')),
    note          text,
    created_at    timestamptz NOT NULL,
    created_by    text        NOT NULL,
    approved_at   timestamptz,
    approved_by   text,
    dispatched_at timestamptz,
    shipment_id   bigint      REFERENCES supplies_shipment (id),
    received_at   timestamptz
);

CREATE INDEX supplies_request_warehouse ON supplies_request (warehouse, status, needed_by);
CREATE INDEX supplies_request_place ON supplies_request (place, created_at);
CREATE INDEX supplies_request_open ON supplies_request (needed_by) WHERE status IN ('REQUESTED', 'APPROVED', 'DISPATCHED');
ALTER TABLE supplies_shipment ADD CONSTRAINT supplies_shipment_request FOREIGN KEY (request_id) REFERENCES supplies_request (id);

CREATE TABLE supplies_request_line (
    request_id  bigint      NOT NULL REFERENCES supplies_request (id),
    item_code   text        COLLATE "C" NOT NULL REFERENCES supplies_item (code),
    requested   int         NOT NULL CHECK (requested > 0),
    approved    int         CHECK (approved >= 0 AND approved <= requested),
    PRIMARY KEY (request_id, item_code)
);
