-- Exempted residents who are not sampled, per round and area code, kept next to the sampled count: a person counts as
-- exempted while they have an exemption and no live sample. Exemptions change it (triggers below) and so do samples
-- (the sample triggers, replaced here, move a person out of "exempted" when sampled and back when the last live sample
-- is removed). An exemption and a sample of the same person committed at the same instant by two transactions may
-- leave the pair counted in both until the next change of that person; rare, and visible as percent over 100.
ALTER TABLE testing_coverage_count ADD COLUMN exempted bigint NOT NULL DEFAULT 0;

INSERT INTO testing_coverage_count AS c (round_id, area_code, stripe, sampled, exempted)
SELECT e.round_id, p.area_code, 0, 0, count(*)
FROM testing_exemption e JOIN people_resident p ON p.id = e.person_id
WHERE NOT EXISTS (SELECT 1 FROM testing_sample s
                  WHERE s.round_id = e.round_id AND s.person_id = e.person_id AND s.removed_at IS NULL)
GROUP BY e.round_id, p.area_code
ON CONFLICT (round_id, area_code, stripe) DO UPDATE SET exempted = excluded.exempted;

CREATE OR REPLACE FUNCTION testing_coverage_count_insert() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE OR REPLACE FUNCTION testing_coverage_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE OR REPLACE FUNCTION testing_coverage_count_delete() RETURNS trigger LANGUAGE plpgsql AS $$
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
