-- Live samples per site and quarter of an hour of sampled_at, so that the samples of a day (or of the day so far) of a
-- district read a few thousand rows instead of its samples. Kept by statement-level triggers on testing_sample (one
-- set-based, key-ordered upsert per statement); a row is split in stripes (by backend) so that concurrent scans seldom
-- wait on the same counter row until they commit. A quarter of an hour divides the day of every time zone in use.
-- The existing rows are counted in time order, as new ones arrive, so that a day's rows lie together on disk.
CREATE TABLE testing_sample_tally (
    site_id  bigint      NOT NULL REFERENCES testing_site (id),
    quarter  timestamptz NOT NULL,
    stripe   smallint    NOT NULL,
    samples  bigint      NOT NULL,
    PRIMARY KEY (site_id, quarter, stripe)
);

INSERT INTO testing_sample_tally (site_id, quarter, stripe, samples)
SELECT site_id, date_bin('15 minutes', sampled_at, timestamptz '2000-01-01 00:00:00+00'), 0, count(*)
FROM testing_sample
WHERE removed_at IS NULL
GROUP BY 1, 2
ORDER BY 2, 1;

CREATE FUNCTION testing_sample_tally_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO testing_sample_tally AS t (site_id, quarter, stripe, samples)
    SELECT n.site_id, date_bin('15 minutes', n.sampled_at, timestamptz '2000-01-01 00:00:00+00'),
           pg_backend_pid() % 16, count(*)
    FROM new_samples n
    WHERE n.removed_at IS NULL
    GROUP BY 1, 2
    ORDER BY 1, 2
    ON CONFLICT (site_id, quarter, stripe) DO UPDATE SET samples = t.samples + excluded.samples;
    RETURN NULL;
END $$;

CREATE FUNCTION testing_sample_tally_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO testing_sample_tally AS t (site_id, quarter, stripe, samples)
    SELECT k.site_id, date_bin('15 minutes', k.sampled_at, timestamptz '2000-01-01 00:00:00+00'),
           pg_backend_pid() % 16, sum(k.delta)
    FROM (
        SELECT site_id, sampled_at, 1 AS delta FROM new_samples WHERE removed_at IS NULL
        UNION ALL
        SELECT site_id, sampled_at, -1 FROM old_samples WHERE removed_at IS NULL
    ) k
    GROUP BY 1, 2
    HAVING sum(k.delta) <> 0
    ORDER BY 1, 2
    ON CONFLICT (site_id, quarter, stripe) DO UPDATE SET samples = t.samples + excluded.samples;
    RETURN NULL;
END $$;

CREATE FUNCTION testing_sample_tally_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO testing_sample_tally AS t (site_id, quarter, stripe, samples)
    SELECT o.site_id, date_bin('15 minutes', o.sampled_at, timestamptz '2000-01-01 00:00:00+00'),
           pg_backend_pid() % 16, -count(*)
    FROM old_samples o
    WHERE o.removed_at IS NULL
    GROUP BY 1, 2
    ORDER BY 1, 2
    ON CONFLICT (site_id, quarter, stripe) DO UPDATE SET samples = t.samples + excluded.samples;
    RETURN NULL;
END $$;

CREATE FUNCTION testing_sample_tally_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM testing_sample_tally;
    RETURN NULL;
END $$;

CREATE TRIGGER testing_sample_tally_add AFTER INSERT ON testing_sample
    REFERENCING NEW TABLE AS new_samples FOR EACH STATEMENT EXECUTE FUNCTION testing_sample_tally_add();
CREATE TRIGGER testing_sample_tally_change AFTER UPDATE ON testing_sample
    REFERENCING OLD TABLE AS old_samples NEW TABLE AS new_samples
    FOR EACH STATEMENT EXECUTE FUNCTION testing_sample_tally_change();
CREATE TRIGGER testing_sample_tally_remove AFTER DELETE ON testing_sample
    REFERENCING OLD TABLE AS old_samples FOR EACH STATEMENT EXECUTE FUNCTION testing_sample_tally_remove();
CREATE TRIGGER testing_sample_tally_truncate AFTER TRUNCATE ON testing_sample
    FOR EACH STATEMENT EXECUTE FUNCTION testing_sample_tally_truncate();
