-- A sample's round and site are its tube's. One foreign key on the three columns says so, and checks them with one
-- lookup of the tube; the three separate keys cost the database a lookup and a row lock each per sample row, about
-- a third of the time a scan group spends inserting its samples.
ALTER TABLE testing_tube ADD CONSTRAINT testing_tube_placement UNIQUE (id, round_id, site_id);

ALTER TABLE testing_sample
    DROP CONSTRAINT testing_sample_tube_id_fkey,
    DROP CONSTRAINT testing_sample_round_id_fkey,
    DROP CONSTRAINT testing_sample_site_id_fkey,
    ADD CONSTRAINT testing_sample_tube_fkey FOREIGN KEY (tube_id, round_id, site_id)
        REFERENCES testing_tube (id, round_id, site_id);
