package org.frontline.enterprise.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.frontline.enterprise.DailyReport;
import org.frontline.enterprise.ReportForm;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The liaisons' daily reports, and the reports not filed in time with how far their alert escalated. */
@Repository
public class ReportRepository {

	private final JdbcClient jdbc;

	ReportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Files (or files again, replacing) a loop's report of a day. */
	public void save(long loopId, LocalDate day, ReportForm form, String problems, Instant at, String by) {
		jdbc.sql("""
				INSERT INTO enterprise_report (loop_id, day, in_loop, tested, positives, fevers, meals, problems, filed_at, filed_by)
				VALUES (:loop, :day, :inLoop, :tested, :positives, :fevers, :meals, :problems, :at, :by)
				ON CONFLICT (loop_id, day) DO UPDATE SET in_loop = excluded.in_loop, tested = excluded.tested,
				  positives = excluded.positives, fevers = excluded.fevers, meals = excluded.meals,
				  problems = excluded.problems, filed_at = excluded.filed_at, filed_by = excluded.filed_by
				""")
			.param("loop", loopId)
			.param("day", day)
			.param("inLoop", form.inLoop())
			.param("tested", form.tested())
			.param("positives", form.positives())
			.param("fevers", form.fevers())
			.param("meals", form.meals())
			.param("problems", problems)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update();
	}

	public Optional<DailyReport> find(long loopId, LocalDate day) {
		return jdbc.sql("SELECT * FROM enterprise_report WHERE loop_id = :loop AND day = :day")
			.param("loop", loopId)
			.param("day", day)
			.query(ReportRepository::report)
			.optional();
	}

	public List<DailyReport> recent(long loopId, int limit) {
		return jdbc.sql("SELECT * FROM enterprise_report WHERE loop_id = :loop ORDER BY day DESC LIMIT :limit")
			.param("loop", loopId)
			.param("limit", limit)
			.query(ReportRepository::report)
			.list();
	}

	/** The reports of these loops on a day. */
	public Map<Long, DailyReport> of(Collection<Long> loopIds, LocalDate day) {
		Map<Long, DailyReport> reports = new HashMap<>();
		if (!loopIds.isEmpty()) {
			jdbc.sql("SELECT * FROM enterprise_report WHERE day = :day AND loop_id = ANY(:loops::bigint[])")
				.param("day", day)
				.param("loops", loopIds.toArray(Long[]::new))
				.query(ReportRepository::report)
				.list()
				.forEach(r -> reports.put(r.loopId(), r));
		}
		return reports;
	}

	/** Marks a loop's report of a day missing at level 1; false when it was already. */
	public boolean markMissing(long loopId, LocalDate day, Instant at) {
		return jdbc.sql("""
				INSERT INTO enterprise_report_missing (loop_id, day, level, raised_at) VALUES (:loop, :day, 1, :at)
				ON CONFLICT DO NOTHING
				""").param("loop", loopId).param("day", day).param("at", Timestamp.from(at)).update() == 1;
	}

	/** Raises a missing report to the command (level 2); false when it was already, or is not missing. */
	public boolean escalate(long loopId, LocalDate day, Instant at) {
		return jdbc.sql("""
				UPDATE enterprise_report_missing SET level = 2, escalated_at = :at
				WHERE loop_id = :loop AND day = :day AND level = 1
				""").param("loop", loopId).param("day", day).param("at", Timestamp.from(at)).update() == 1;
	}

	/** Removes a missing mark once the report is filed; false when there was none. */
	public boolean clearMissing(long loopId, LocalDate day) {
		return jdbc.sql("DELETE FROM enterprise_report_missing WHERE loop_id = :loop AND day = :day")
			.param("loop", loopId)
			.param("day", day)
			.update() == 1;
	}

	static DailyReport report(ResultSet rs, int n) throws SQLException {
		return new DailyReport(rs.getLong("loop_id"), rs.getObject("day", LocalDate.class), rs.getInt("in_loop"),
				rs.getInt("tested"), rs.getInt("positives"), rs.getInt("fevers"), rs.getInt("meals"),
				rs.getString("problems"), rs.getTimestamp("filed_at").toInstant(), rs.getString("filed_by"));
	}
}
