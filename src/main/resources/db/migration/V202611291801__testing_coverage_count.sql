-- Residents sampled in a round, per area code of where they live: the number of people with at least one live sample;
-- next to it the exempted residents who are not sampled (a person counts as exempted while they have an exemption and
-- no live sample).
-- Kept by statement-level triggers on testing_sample (one set-based, key-ordered upsert per statement, whatever the
-- batch size), so coverage reads a few hundred rows instead of joining every resident. A row is split in stripes
-- (by backend) so that concurrent writers seldom wait on the same counter row until they commit.
CREATE TABLE testing_coverage_count (
    round_id    bigint      NOT NULL REFERENCES testing_round (id),
    area_code   varchar(15) COLLATE "C" NOT NULL,
    stripe      smallint    NOT NULL,
    sampled     bigint      NOT NULL,
    exempted    bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (round_id, area_code, stripe)
);

INSERT INTO testing_coverage_count (round_id, area_code, stripe, sampled)
SELECT s.round_id, p.area_code, 0, count(DISTINCT s.person_id)
FROM testing_sample s JOIN people_resident p ON p.id = s.person_id
WHERE s.removed_at IS NULL
GROUP BY s.round_id, p.area_code;

INSERT INTO testing_coverage_count AS c (round_id, area_code, stripe, sampled, exempted)
SELECT e.round_id, p.area_code, 0, 0, count(*)
FROM testing_exemption e JOIN people_resident p ON p.id = e.person_id
WHERE NOT EXISTS (SELECT 1 FROM testing_sample s
                  WHERE s.round_id = e.round_id AND s.person_id = e.person_id AND s.removed_at IS NULL)
GROUP BY e.round_id, p.area_code
ON CONFLICT (round_id, area_code, stripe) DO UPDATE SET exempted = excluded.exempted;

-- A live sample that is not a re-sample is the person's first live one in the round: the scan rules mark a sample as
-- a re-sample exactly when the person already has a live sample, and testing_sample_first keeps the first unique.
-- Samples move a person out of "exempted" when sampled and back when the last live sample is removed; exemptions
-- given or taken back move them in and out while they are not sampled. An exemption and a sample of the same person
-- committed at the same instant by two transactions may leave the pair counted in both until the next change of
-- that person; rare, and visible as percent over 100.
CREATE FUNCTION testing_coverage_count_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO testing_coverage_count AS c (round_id, area_code, stripe, sampled, exempted)
    SELECT n.round_id, p.area_code, pg_backend_pid() % 16, count(*), -count(x.person_id)
    FROM new_samples n JOIN people_resident p ON p.id = n.person_id
    LEFT JOIN testing_exemption x ON x.round_id = n.round_id AND x.person_id = n.person_id
    WHERE n.removed_at IS NULL AND NOT n.resample
    GROUP BY n.round_id, p.area_code
    ORDER BY n.round_id, p.area_code
    ON CONFLICT (round_id, area_code, stripe)
    DO UPDATE SET sampled = c.sampled + excluded.sampled, exempted = c.exempted + excluded.exempted;
    RETURN NULL;
END $$;

CREATE FUNCTION testing_coverage_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO testing_coverage_count AS c (round_id, area_code, stripe, sampled, exempted)
    SELECT d.round_id, p.area_code, pg_backend_pid() % 16, sum(d.delta),
           -sum(CASE WHEN EXISTS (SELECT 1 FROM testing_exemption x
                                  WHERE x.round_id = d.round_id AND x.person_id = d.person_id) THEN d.delta ELSE 0 END)
    FROM (
        SELECT k.round_id, k.person_id,
               (live_now > 0)::int - (live_now - sum(k.live_new) + sum(k.live_old) > 0)::int AS delta
        FROM (
            SELECT round_id, person_id, (removed_at IS NULL)::int AS live_new, 0 AS live_old FROM new_samples
            UNION ALL
            SELECT round_id, person_id, 0, (removed_at IS NULL)::int FROM old_samples
        ) k
        CROSS JOIN LATERAL (SELECT count(*) AS live_now FROM testing_sample s
                            WHERE s.round_id = k.round_id AND s.person_id = k.person_id AND s.removed_at IS NULL) n
        GROUP BY k.round_id, k.person_id, n.live_now
    ) d
    JOIN people_resident p ON p.id = d.person_id
    WHERE d.delta <> 0
    GROUP BY d.round_id, p.area_code
    ORDER BY d.round_id, p.area_code
    ON CONFLICT (round_id, area_code, stripe)
    DO UPDATE SET sampled = c.sampled + excluded.sampled, exempted = c.exempted + excluded.exempted;
    RETURN NULL;
END $$;

CREATE FUNCTION testing_coverage_count_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO testing_coverage_count AS c (round_id, area_code, stripe, sampled, exempted)
    SELECT ch.round_id, p.area_code, pg_backend_pid() % 16, -count(*), count(x.person_id)
    FROM (
        SELECT k.round_id, k.person_id FROM old_samples k
        WHERE k.removed_at IS NULL
        GROUP BY k.round_id, k.person_id
        HAVING NOT EXISTS (SELECT 1 FROM testing_sample s
                           WHERE s.round_id = k.round_id AND s.person_id = k.person_id AND s.removed_at IS NULL)
    ) ch
    JOIN people_resident p ON p.id = ch.person_id
    LEFT JOIN testing_exemption x ON x.round_id = ch.round_id AND x.person_id = ch.person_id
    GROUP BY ch.round_id, p.area_code
    ORDER BY ch.round_id, p.area_code
    ON CONFLICT (round_id, area_code, stripe)
    DO UPDATE SET sampled = c.sampled + excluded.sampled, exempted = c.exempted + excluded.exempted;
    RETURN NULL;
END $$;

-- Exemptions given or taken back: the person counts as exempted only while not sampled.
CREATE FUNCTION testing_coverage_exemption_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO testing_coverage_count AS c (round_id, area_code, stripe, sampled, exempted)
    SELECT e.round_id, p.area_code, pg_backend_pid() % 16, 0, count(*)
    FROM new_exemptions e JOIN people_resident p ON p.id = e.person_id
    WHERE NOT EXISTS (SELECT 1 FROM testing_sample s
                      WHERE s.round_id = e.round_id AND s.person_id = e.person_id AND s.removed_at IS NULL)
    GROUP BY e.round_id, p.area_code
    ORDER BY e.round_id, p.area_code
    ON CONFLICT (round_id, area_code, stripe) DO UPDATE SET exempted = c.exempted + excluded.exempted;
    RETURN NULL;
END $$;

CREATE FUNCTION testing_coverage_exemption_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO testing_coverage_count AS c (round_id, area_code, stripe, sampled, exempted)
    SELECT e.round_id, p.area_code, pg_backend_pid() % 16, 0, -count(*)
    FROM old_exemptions e JOIN people_resident p ON p.id = e.person_id
    WHERE NOT EXISTS (SELECT 1 FROM testing_sample s
                      WHERE s.round_id = e.round_id AND s.person_id = e.person_id AND s.removed_at IS NULL)
    GROUP BY e.round_id, p.area_code
    ORDER BY e.round_id, p.area_code
    ON CONFLICT (round_id, area_code, stripe) DO UPDATE SET exempted = c.exempted + excluded.exempted;
    RETURN NULL;
END $$;

CREATE TRIGGER testing_coverage_exemption_insert AFTER INSERT ON testing_exemption
    REFERENCING NEW TABLE AS new_exemptions FOR EACH STATEMENT EXECUTE FUNCTION testing_coverage_exemption_insert();
CREATE TRIGGER testing_coverage_exemption_delete AFTER DELETE ON testing_exemption
    REFERENCING OLD TABLE AS old_exemptions FOR EACH STATEMENT EXECUTE FUNCTION testing_coverage_exemption_delete();

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
