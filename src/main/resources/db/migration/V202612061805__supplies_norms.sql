-- Consumption norms: how much of an item one unit of work uses. A sampler takes one protective set per shift and
-- another after each break; a quarantine room and an enterprise's staff member in closed loop use theirs per day.
CREATE TABLE supplies_norm (
    basis       text        NOT NULL CHECK (basis IN ('SAMPLER_SHIFT', 'ROOM_DAY', 'LOOP_STAFF_DAY')),
    item_code   text        COLLATE "C" NOT NULL REFERENCES supplies_item (code),
    quantity    numeric(8,2) NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (basis, item_code)
);

INSERT INTO supplies_norm (basis, item_code, quantity) VALUES
    ('SAMPLER_SHIFT', 'SUIT', 1), ('SAMPLER_SHIFT', 'N95', 1), ('SAMPLER_SHIFT', 'GLOVES', 2),
    ('SAMPLER_SHIFT', 'FACE-SHIELD', 1), ('SAMPLER_SHIFT', 'SHOE-COVERS', 1),
    ('ROOM_DAY', 'MASK', 2), ('ROOM_DAY', 'MEAL', 3), ('ROOM_DAY', 'WATER', 2), ('ROOM_DAY', 'DISINFECTANT', 0.1),
    ('LOOP_STAFF_DAY', 'MEAL', 3), ('LOOP_STAFF_DAY', 'WATER', 2), ('LOOP_STAFF_DAY', 'MASK', 2);

-- Low-cover threshold in days, and other settings of the module.
CREATE TABLE supplies_setting (
    name        text        PRIMARY KEY,
    value       numeric(8,2) NOT NULL
);

INSERT INTO supplies_setting (name, value) VALUES ('low-cover-days', 1);
