-- Sealed tubes without a result per site and quarter of an hour of opened_at, so that the tubes a district still waits
-- for read a few thousand rows. A tube counts while it is sealed and has no result: kept by row triggers on
-- testing_tube that fire only when a tube's status, site or opening time changes (not on every sample a scan adds),
-- and by statement triggers on testing_result; striped by backend like the samples'.
CREATE TABLE testing_awaiting_tally (
    site_id  bigint      NOT NULL REFERENCES testing_site (id),
    quarter  timestamptz NOT NULL,
    stripe   smallint    NOT NULL,
    tubes    bigint      NOT NULL,
    PRIMARY KEY (site_id, quarter, stripe)
);

INSERT INTO testing_awaiting_tally (site_id, quarter, stripe, tubes)
SELECT t.site_id, date_bin('15 minutes', t.opened_at, timestamptz '2000-01-01 00:00:00+00'), 0, count(*)
FROM testing_tube t
WHERE t.status = 'SEALED' AND NOT EXISTS (SELECT 1 FROM testing_result r WHERE r.tube_id = t.id)
GROUP BY 1, 2
ORDER BY 2, 1;

CREATE FUNCTION testing_awaiting_tally_add(site bigint, opened timestamptz, delta bigint) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO testing_awaiting_tally AS c (site_id, quarter, stripe, tubes)
    VALUES (site, date_bin('15 minutes', opened, timestamptz '2000-01-01 00:00:00+00'), pg_backend_pid() % 16, delta)
    ON CONFLICT (site_id, quarter, stripe) DO UPDATE SET tubes = c.tubes + excluded.tubes;
$$;

CREATE FUNCTION testing_awaiting_tally_tube() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM testing_result r WHERE r.tube_id = coalesce(NEW.id, OLD.id)) THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'SEALED' THEN
        PERFORM testing_awaiting_tally_add(OLD.site_id, OLD.opened_at, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'SEALED' THEN
        PERFORM testing_awaiting_tally_add(NEW.site_id, NEW.opened_at, 1);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION testing_awaiting_tally_resulted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO testing_awaiting_tally AS c (site_id, quarter, stripe, tubes)
    SELECT t.site_id, date_bin('15 minutes', t.opened_at, timestamptz '2000-01-01 00:00:00+00'),
           pg_backend_pid() % 16, -count(*)
    FROM new_results n JOIN testing_tube t ON t.id = n.tube_id
    WHERE t.status = 'SEALED'
    GROUP BY 1, 2
    ORDER BY 1, 2
    ON CONFLICT (site_id, quarter, stripe) DO UPDATE SET tubes = c.tubes + excluded.tubes;
    RETURN NULL;
END $$;

CREATE FUNCTION testing_awaiting_tally_unresulted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO testing_awaiting_tally AS c (site_id, quarter, stripe, tubes)
    SELECT t.site_id, date_bin('15 minutes', t.opened_at, timestamptz '2000-01-01 00:00:00+00'),
           pg_backend_pid() % 16, count(*)
    FROM old_results o JOIN testing_tube t ON t.id = o.tube_id
    WHERE t.status = 'SEALED'
    GROUP BY 1, 2
    ORDER BY 1, 2
    ON CONFLICT (site_id, quarter, stripe) DO UPDATE SET tubes = c.tubes + excluded.tubes;
    RETURN NULL;
END $$;

CREATE FUNCTION testing_awaiting_tally_result_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM testing_awaiting_tally_add(t.site_id, t.opened_at, 1) FROM testing_tube t
    WHERE t.id = OLD.tube_id AND t.status = 'SEALED';
    PERFORM testing_awaiting_tally_add(t.site_id, t.opened_at, -1) FROM testing_tube t
    WHERE t.id = NEW.tube_id AND t.status = 'SEALED';
    RETURN NULL;
END $$;

CREATE FUNCTION testing_awaiting_tally_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM testing_awaiting_tally;
    RETURN NULL;
END $$;

CREATE TRIGGER testing_awaiting_tally_sealed AFTER INSERT ON testing_tube FOR EACH ROW
    WHEN (NEW.status = 'SEALED') EXECUTE FUNCTION testing_awaiting_tally_tube();
CREATE TRIGGER testing_awaiting_tally_changed AFTER UPDATE ON testing_tube FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.site_id IS DISTINCT FROM NEW.site_id
          OR OLD.opened_at IS DISTINCT FROM NEW.opened_at)
    EXECUTE FUNCTION testing_awaiting_tally_tube();
CREATE TRIGGER testing_awaiting_tally_dropped AFTER DELETE ON testing_tube FOR EACH ROW
    WHEN (OLD.status = 'SEALED') EXECUTE FUNCTION testing_awaiting_tally_tube();
CREATE TRIGGER testing_awaiting_tally_resulted AFTER INSERT ON testing_result
    REFERENCING NEW TABLE AS new_results FOR EACH STATEMENT EXECUTE FUNCTION testing_awaiting_tally_resulted();
CREATE TRIGGER testing_awaiting_tally_unresulted AFTER DELETE ON testing_result
    REFERENCING OLD TABLE AS old_results FOR EACH STATEMENT EXECUTE FUNCTION testing_awaiting_tally_unresulted();
CREATE TRIGGER testing_awaiting_tally_result_moved AFTER UPDATE ON testing_result FOR EACH ROW
    WHEN (OLD.tube_id IS DISTINCT FROM NEW.tube_id) EXECUTE FUNCTION testing_awaiting_tally_result_moved();
CREATE TRIGGER testing_awaiting_tally_truncate AFTER TRUNCATE ON testing_tube
    FOR EACH STATEMENT EXECUTE FUNCTION testing_awaiting_tally_truncate();
