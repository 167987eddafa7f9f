-- A round over a roster (a closed-loop enterprise's staff tested every day) instead of the residents of its areas:
-- its people in scope are its members; who was sampled or exempted is read from the same samples and exemptions.
CREATE TABLE testing_round_member (
    round_id    bigint      NOT NULL REFERENCES testing_round (id),
    person_id   bigint      NOT NULL,
    PRIMARY KEY (round_id, person_id)
);

ALTER TABLE testing_round ADD COLUMN roster boolean NOT NULL DEFAULT false;
