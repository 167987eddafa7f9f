-- The protective set a sampler's check-in takes from the post's stock (the SAMPLER_SHIFT norms), kept from the
-- workforce module's WorkerCheckedIn: one row per check-in (an assignment is checked in once) and item, so that a
-- redelivered check-in takes nothing more; what the post's stock could not give stays owed until it can.
CREATE TABLE supplies_check_in_set (
    assignment_id  bigint      NOT NULL,
    item_code      text        COLLATE "C" NOT NULL REFERENCES supplies_item (code),
    place          text        COLLATE "C" NOT NULL,
    wanted         bigint      NOT NULL CHECK (wanted > 0),
    issued         bigint      NOT NULL DEFAULT 0 CHECK (issued >= 0),
    checked_in_at  timestamptz NOT NULL,
    PRIMARY KEY (assignment_id, item_code)
);

CREATE INDEX supplies_check_in_set_owed ON supplies_check_in_set (assignment_id) WHERE issued < wanted;
