-- One index finds a person's samples in a round and keeps their first sample unique, instead of two. Before,
-- testing_sample_first (live first samples, unique) and testing_sample_round_person (all live samples, for reads)
-- each cost every sample an entry at a random place in an index of every round's samples (1.2 GB each after 30
-- million samples on the bench city). In this one a first sample's third key is 0, so two live first samples of a
-- person in a round collide, and a re-sample's is its own id, so re-samples never do; its leading columns serve every
-- read by round and person (all of them ask for live samples, which is the index's condition).
DROP INDEX testing_sample_first;
DROP INDEX testing_sample_round_person;
CREATE UNIQUE INDEX testing_sample_round_person ON testing_sample
    (round_id, person_id, (CASE WHEN resample THEN id ELSE 0 END)) WHERE removed_at IS NULL;
