-- Tubes and rounds may pool 5 people (control zones' 5-in-1), besides 1, 10 and 20. The new checks hold for every
-- existing row, so they are not validated against the (large) tables again.
ALTER TABLE testing_tube DROP CONSTRAINT testing_tube_pool_size_check;
ALTER TABLE testing_tube ADD CONSTRAINT testing_tube_pool_size_check CHECK (pool_size IN (1, 5, 10, 20)) NOT VALID;
ALTER TABLE testing_round DROP CONSTRAINT testing_round_pool_size_check;
ALTER TABLE testing_round ADD CONSTRAINT testing_round_pool_size_check CHECK (pool_size IN (1, 5, 10, 20)) NOT VALID;
