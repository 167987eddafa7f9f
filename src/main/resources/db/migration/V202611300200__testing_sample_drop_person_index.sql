-- Samples are found by person through (round_id, person_id) (testing_sample_round_person, live samples): every read
-- of a person's samples names the round, or all rounds (a person's history: one probe per round, and a district has
-- tens of rounds). The separate (person_id, round_id) index cost every sampled person an insert at a random place in
-- an index of every round's samples (450 MB after five rounds of a 2-million district) that no scan needed.
DROP INDEX testing_sample_person;
