package org.frontline.quarantine.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.frontline.quarantine.MeetingReport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Daily meeting reports per facility, day and group. */
@Repository
public class MeetingRepository {

	private final JdbcClient jdbc;

	MeetingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a group's report for a day, replacing that group's earlier report of the same day. */
	public long save(long facilityId, LocalDate day, String group, String report, String by, Instant at) {
		return jdbc.sql("""
				INSERT INTO quarantine_meeting_report (facility_id, held_on, group_name, report, reported_by, reported_at)
				VALUES (:f, :day, :group, :report, :by, :at)
				ON CONFLICT (facility_id, held_on, group_name)
				DO UPDATE SET report = EXCLUDED.report, reported_by = EXCLUDED.reported_by, reported_at = EXCLUDED.reported_at
				RETURNING id""")
			.param("f", facilityId).param("day", Date.valueOf(day)).param("group", group).param("report", report)
			.param("by", by).param("at", Timestamp.from(at))
			.query(Long.class).single();
	}

	public List<MeetingReport> of(long facilityId, LocalDate day) {
		return jdbc.sql("""
				SELECT * FROM quarantine_meeting_report WHERE facility_id = :f AND held_on = :day ORDER BY group_name""")
			.param("f", facilityId).param("day", Date.valueOf(day))
			.query((rs, n) -> new MeetingReport(rs.getLong("id"), rs.getLong("facility_id"), Rows.date(rs, "held_on"),
					rs.getString("group_name"), rs.getString("report"), rs.getString("reported_by"),
					Rows.instant(rs, "reported_at")))
			.list();
	}
}
