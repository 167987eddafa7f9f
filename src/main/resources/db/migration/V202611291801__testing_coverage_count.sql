-- Residents sampled in a round, per area code of where they live: the number of people with at least one live sample.
-- Kept by statement-level triggers on testing_sample (one set-based, key-ordered upsert per statement, whatever the
-- batch size), so coverage reads a few hundred rows instead of joining every resident. A row is split in stripes
-- (by backend) so that concurrent writers seldom wait on the same counter row until they commit.
CREATE TABLE testing_coverage_count (
    round_id    bigint      NOT NULL REFERENCES testing_round (id),
    area_code   varchar(15) COLLATE "C" NOT NULL,
    stripe      smallint    NOT NULL,
    sampled     bigint      NOT NULL,
    PRIMARY KEY (round_id, area_code, stripe)
);

INSERT INTO testing_coverage_count (round_id, area_code, stripe, sampled)
SELECT s.round_id, p.area_code, 0, count(DISTINCT s.person_id)
FROM testing_sample s JOIN people_resident p ON p.id = s.person_id
WHERE s.removed_at IS NULL
GROUP BY s.round_id, p.area_code;

-- A live sample that is not a re-sample is the person's first live one in the round: the scan rules mark a sample as
-- a re-sample exactly when the person already has a live sample, and testing_sample_first keeps the first unique.
CREATE FUNCTION testing_coverage_count_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO testing_coverage_count AS c (round_id, area_code, stripe, sampled)
    SELECT n.round_id, p.area_code, pg_backend_pid() % 16, count(*)
    FROM new_samples n JOIN people_resident p ON p.id = n.person_id
    WHERE n.removed_at IS NULL AND NOT n.resample
    GROUP BY n.round_id, p.area_code
    ORDER BY n.round_id, p.area_code
    ON CONFLICT (round_id, area_code, stripe) DO UPDATE SET sampled = c.sampled + excluded.sampled;
    RETURN NULL;
END $$;

-- Removals (and any other change of liveness): a person counts as long as one live sample of theirs is left.
CREATE FUNCTION testing_coverage_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO testing_coverage_count AS c (round_id, area_code, stripe, sampled)
    SELECT ch.round_id, p.area_code, pg_backend_pid() % 16,
           sum((ch.live_now > 0)::int - (ch.live_now - ch.live_new + ch.live_old > 0)::int)
    FROM (
        SELECT k.round_id, k.person_id, sum(k.live_new) AS live_new, sum(k.live_old) AS live_old,
               (SELECT count(*) FROM testing_sample s
                WHERE s.round_id = k.round_id AND s.person_id = k.person_id AND s.removed_at IS NULL) AS live_now
        FROM (
            SELECT round_id, person_id, (removed_at IS NULL)::int AS live_new, 0 AS live_old FROM new_samples
            UNION ALL
            SELECT round_id, person_id, 0, (removed_at IS NULL)::int FROM old_samples
        ) k
        GROUP BY k.round_id, k.person_id
    ) ch
    JOIN people_resident p ON p.id = ch.person_id
    GROUP BY ch.round_id, p.area_code
    HAVING sum((ch.live_now > 0)::int - (ch.live_now - ch.live_new + ch.live_old > 0)::int) <> 0
    ORDER BY ch.round_id, p.area_code
    ON CONFLICT (round_id, area_code, stripe) DO UPDATE SET sampled = c.sampled + excluded.sampled;
    RETURN NULL;
END $$;

CREATE FUNCTION testing_coverage_count_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO testing_coverage_count AS c (round_id, area_code, stripe, sampled)
    SELECT ch.round_id, p.area_code, pg_backend_pid() % 16, -count(*)
    FROM (
        SELECT k.round_id, k.person_id FROM old_samples k
        WHERE k.removed_at IS NULL
        GROUP BY k.round_id, k.person_id
        HAVING NOT EXISTS (SELECT 1 FROM testing_sample s
                           WHERE s.round_id = k.round_id AND s.person_id = k.person_id AND s.removed_at IS NULL)
    ) ch
    JOIN people_resident p ON p.id = ch.person_id
    GROUP BY ch.round_id, p.area_code
    ORDER BY ch.round_id, p.area_code
    ON CONFLICT (round_id, area_code, stripe) DO UPDATE SET sampled = c.sampled + excluded.sampled;
    RETURN NULL;
END $$;

CREATE FUNCTION testing_coverage_count_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM testing_coverage_count;
    RETURN NULL;
END $$;

CREATE TRIGGER testing_coverage_count_insert AFTER INSERT ON testing_sample
    REFERENCING NEW TABLE AS new_samples FOR EACH STATEMENT EXECUTE FUNCTION testing_coverage_count_insert();
CREATE TRIGGER testing_coverage_count_change AFTER UPDATE ON testing_sample
    REFERENCING OLD TABLE AS old_samples NEW TABLE AS new_samples
    FOR EACH STATEMENT EXECUTE FUNCTION testing_coverage_count_change();
CREATE TRIGGER testing_coverage_count_delete AFTER DELETE ON testing_sample
    REFERENCING OLD TABLE AS old_samples FOR EACH STATEMENT EXECUTE FUNCTION testing_coverage_count_delete();
CREATE TRIGGER testing_coverage_count_truncate AFTER TRUNCATE ON testing_sample
    FOR EACH STATEMENT EXECUTE FUNCTION testing_coverage_count_truncate();
