-- Results per site of their tube, quarter of an hour of posted_at and turnaround in whole minutes (tube opened to
-- result posted, rounded down), so that a day's results of a district and their turnaround percentiles read a few
-- thousand rows instead of joining its results to their tubes. Kept by triggers on testing_result (set-based per
-- statement) and on the rare change of a resulted tube's site or opening time; striped by backend like the samples'.
CREATE TABLE testing_result_tally (
    site_id  bigint      NOT NULL REFERENCES testing_site (id),
    quarter  timestamptz NOT NULL,
    minutes  integer     NOT NULL,
    stripe   smallint    NOT NULL,
    results  bigint      NOT NULL,
    PRIMARY KEY (site_id, quarter, minutes, stripe)
);

INSERT INTO testing_result_tally (site_id, quarter, minutes, stripe, results)
SELECT t.site_id, date_bin('15 minutes', r.posted_at, timestamptz '2000-01-01 00:00:00+00'),
       floor(extract(epoch FROM r.posted_at - t.opened_at) / 60)::integer, 0, count(*)
FROM testing_result r JOIN testing_tube t ON t.id = r.tube_id
GROUP BY 1, 2, 3
ORDER BY 2, 1, 3;

CREATE FUNCTION testing_result_tally_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO testing_result_tally AS c (site_id, quarter, minutes, stripe, results)
    SELECT t.site_id, date_bin('15 minutes', n.posted_at, timestamptz '2000-01-01 00:00:00+00'),
           floor(extract(epoch FROM n.posted_at - t.opened_at) / 60)::integer, pg_backend_pid() % 16, count(*)
    FROM new_results n JOIN testing_tube t ON t.id = n.tube_id
    GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3
    ON CONFLICT (site_id, quarter, minutes, stripe) DO UPDATE SET results = c.results + excluded.results;
    RETURN NULL;
END $$;

CREATE FUNCTION testing_result_tally_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO testing_result_tally AS c (site_id, quarter, minutes, stripe, results)
    SELECT t.site_id, date_bin('15 minutes', o.posted_at, timestamptz '2000-01-01 00:00:00+00'),
           floor(extract(epoch FROM o.posted_at - t.opened_at) / 60)::integer, pg_backend_pid() % 16, -count(*)
    FROM old_results o JOIN testing_tube t ON t.id = o.tube_id
    GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3
    ON CONFLICT (site_id, quarter, minutes, stripe) DO UPDATE SET results = c.results + excluded.results;
    RETURN NULL;
END $$;

-- One result or tube moved: its count leaves the old key and joins the new one.
CREATE FUNCTION testing_result_tally_move(old_site bigint, old_opened timestamptz, old_posted timestamptz,
                                          new_site bigint, new_opened timestamptz, new_posted timestamptz)
RETURNS void LANGUAGE sql AS $$
    INSERT INTO testing_result_tally AS c (site_id, quarter, minutes, stripe, results)
    SELECT k.site_id, date_bin('15 minutes', k.posted_at, timestamptz '2000-01-01 00:00:00+00'),
           floor(extract(epoch FROM k.posted_at - k.opened_at) / 60)::integer, pg_backend_pid() % 16, sum(k.delta)
    FROM (VALUES (old_site, old_opened, old_posted, -1), (new_site, new_opened, new_posted, 1))
         AS k (site_id, opened_at, posted_at, delta)
    GROUP BY 1, 2, 3
    HAVING sum(k.delta) <> 0
    ORDER BY 1, 2, 3
    ON CONFLICT (site_id, quarter, minutes, stripe) DO UPDATE SET results = c.results + excluded.results;
$$;

CREATE FUNCTION testing_result_tally_result_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM testing_result_tally_move(o.site_id, o.opened_at, OLD.posted_at, n.site_id, n.opened_at, NEW.posted_at)
    FROM testing_tube o, testing_tube n
    WHERE o.id = OLD.tube_id AND n.id = NEW.tube_id;
    RETURN NULL;
END $$;

CREATE FUNCTION testing_result_tally_tube_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM testing_result_tally_move(OLD.site_id, OLD.opened_at, r.posted_at, NEW.site_id, NEW.opened_at, r.posted_at)
    FROM testing_result r
    WHERE r.tube_id = NEW.id;
    RETURN NULL;
END $$;

CREATE FUNCTION testing_result_tally_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM testing_result_tally;
    RETURN NULL;
END $$;

CREATE TRIGGER testing_result_tally_add AFTER INSERT ON testing_result
    REFERENCING NEW TABLE AS new_results FOR EACH STATEMENT EXECUTE FUNCTION testing_result_tally_add();
CREATE TRIGGER testing_result_tally_remove AFTER DELETE ON testing_result
    REFERENCING OLD TABLE AS old_results FOR EACH STATEMENT EXECUTE FUNCTION testing_result_tally_remove();
CREATE TRIGGER testing_result_tally_moved AFTER UPDATE ON testing_result FOR EACH ROW
    WHEN (OLD.posted_at IS DISTINCT FROM NEW.posted_at OR OLD.tube_id IS DISTINCT FROM NEW.tube_id)
    EXECUTE FUNCTION testing_result_tally_result_moved();
CREATE TRIGGER testing_result_tally_tube_moved AFTER UPDATE ON testing_tube FOR EACH ROW
    WHEN (OLD.site_id IS DISTINCT FROM NEW.site_id OR OLD.opened_at IS DISTINCT FROM NEW.opened_at)
    EXECUTE FUNCTION testing_result_tally_tube_moved();
CREATE TRIGGER testing_result_tally_truncate AFTER TRUNCATE ON testing_result
    FOR EACH STATEMENT EXECUTE FUNCTION testing_result_tally_truncate();
