package org.frontline.command.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.frontline.command.DailyReport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Issued daily reports: inserted once, never updated (the table refuses updates). */
@Repository("commandReportRepository")
public class ReportRepository {

	private static final String COLUMNS = "id, day, area, version, issued_at, issued_by, changes";

	private final JdbcClient jdbc;

	ReportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Serializes issuing reports of one day and area across instances, until the transaction ends. */
	public void lock(LocalDate day, String area) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('command_report:' || :key))")
			.param("key", day + ":" + area).query(rs -> {
			});
	}

	public Optional<Latest> latest(LocalDate day, String area) {
		return jdbc.sql("SELECT id, version, figures::text FROM command_report WHERE day = :day AND area = :area ORDER BY version DESC LIMIT 1")
			.param("day", Date.valueOf(day)).param("area", area)
			.query((rs, n) -> new Latest(rs.getLong(1), rs.getInt(2), rs.getString(3))).optional();
	}

	/** The latest version of a report: its id, number and figures as JSON. */
	public record Latest(long id, int version, String figures) {
	}

	public long insert(LocalDate day, String area, int version, Instant at, String by, String changes, String figures,
			byte[] pdf, byte[] xlsx) {
		return jdbc.sql("""
				INSERT INTO command_report (day, area, version, issued_at, issued_by, changes, figures, pdf, xlsx)
				VALUES (:day, :area, :version, :at, :by, :changes, CAST(:figures AS jsonb), :pdf, :xlsx) RETURNING id""")
			.param("day", Date.valueOf(day)).param("area", area).param("version", version)
			.param("at", Timestamp.from(at)).param("by", by).param("changes", changes).param("figures", figures)
			.param("pdf", pdf).param("xlsx", xlsx).query(Long.class).single();
	}

	public Optional<DailyReport> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM command_report WHERE id = :id").param("id", id)
			.query(ReportRepository::report).optional();
	}

	/** Reports of areas inside [low, high), of one day when given, newest day and version first. */
	public List<DailyReport> list(String low, String high, LocalDate day, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM command_report WHERE area >= :low AND area < :high
				  AND (CAST(:day AS date) IS NULL OR day = :day)
				ORDER BY day DESC, area, version DESC LIMIT :limit""")
			.param("low", low).param("high", high).param("day", day == null ? null : Date.valueOf(day))
			.param("limit", limit).query(ReportRepository::report).list();
	}

	public String figures(long id) {
		return jdbc.sql("SELECT figures::text FROM command_report WHERE id = :id").param("id", id)
			.query(String.class).single();
	}

	public byte[] pdf(long id) {
		return jdbc.sql("SELECT pdf FROM command_report WHERE id = :id").param("id", id).query(byte[].class).single();
	}

	public byte[] xlsx(long id) {
		return jdbc.sql("SELECT xlsx FROM command_report WHERE id = :id").param("id", id).query(byte[].class).single();
	}

	private static DailyReport report(ResultSet rs, int n) throws SQLException {
		return new DailyReport(rs.getLong("id"), rs.getDate("day").toLocalDate(), rs.getString("area"),
				rs.getInt("version"), rs.getTimestamp("issued_at").toInstant(), rs.getString("issued_by"),
				rs.getString("changes"));
	}
}
