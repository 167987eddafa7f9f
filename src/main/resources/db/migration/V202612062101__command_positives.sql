-- Confirmed positives as the command centre heard them, with how each was found, so that positives per day and
-- per way of finding are a count over a small table.
CREATE TABLE command_positive (
    person_id   bigint      NOT NULL,
    round_id    bigint      NOT NULL,
    tube_code   text        COLLATE "C" NOT NULL,
    area        varchar(15) COLLATE "C" NOT NULL,
    found_by    text        NOT NULL CHECK (found_by IN ('IN_QUARANTINE', 'IN_CONTROL_ZONE', 'COMMUNITY_SCREENING', 'SELF_REPORTED')),
    confirmed_at timestamptz NOT NULL,
    PRIMARY KEY (person_id, round_id)
);

CREATE INDEX command_positive_day ON command_positive (confirmed_at, area);
