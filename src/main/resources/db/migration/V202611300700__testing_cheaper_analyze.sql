-- Autovacuum's ANALYZE of the two hottest tables ran into peak scanning often and read much. On the bench city (66
-- million scan events, 6 million tubes) each ANALYZE reads 30,000 random pages; while one of the scan log ran,
-- PostgreSQL took 0.2 cores more, WAL flushes took 2-4 ms instead of 1 and scans at 5,000/s waited up to 270 ms.
--
-- The scan log is only ever read by its primary key (is this event stored? what was its answer?), for which the
-- planner needs no column statistics: without them ANALYZE samples 100 pages instead of 30,000 (it still counts the
-- rows).
ALTER TABLE testing_scan_event
    ALTER COLUMN event_id SET STATISTICS 0,
    ALTER COLUMN device_id SET STATISTICS 0,
    ALTER COLUMN type SET STATISTICS 0,
    ALTER COLUMN username SET STATISTICS 0,
    ALTER COLUMN at SET STATISTICS 0,
    ALTER COLUMN received_at SET STATISTICS 0,
    ALTER COLUMN status SET STATISTICS 0,
    ALTER COLUMN reason SET STATISTICS 0,
    ALTER COLUMN tube_code SET STATISTICS 0,
    ALTER COLUMN person_id SET STATISTICS 0;
-- A tube's row changes about eleven times (opened, then its count once per person): by the default (analyze after
-- changes to a tenth of the rows) the tubes were analyzed every ~600,000 scans, every two minutes at peak, while
-- what their statistics describe (rounds, sites, status, dates) changes with new tubes only. After changes to as many
-- rows as the table has, about one tube in ten is new, as the default meant.
ALTER TABLE testing_tube SET (autovacuum_analyze_scale_factor = 1.0);
