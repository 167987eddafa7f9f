package org.frontline.workforce.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.frontline.shared.Masking;
import org.frontline.workforce.Certificate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Issued volunteer-hours certificates. */
@Repository
public class CertificateRepository {

	private final JdbcClient jdbc;

	CertificateRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(String code, long workerId, LocalDate from, LocalDate to, long minutes, int shifts, String by,
			Instant at) {
		jdbc.sql("""
				INSERT INTO workforce_certificate (code, worker_id, from_date, to_date, minutes, shifts, issued_by,
				                                   issued_at)
				VALUES (:code, :worker, :from, :to, :minutes, :shifts, :by, :at)
				""").param("code", code).param("worker", workerId).param("from", from).param("to", to)
			.param("minutes", minutes)
			.param("shifts", shifts)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** A certificate by its code, the volunteer's name masked. */
	public Optional<Certificate> byCode(String code) {
		return jdbc.sql("""
				SELECT c.code, w.name, c.from_date, c.to_date, c.minutes, c.shifts, c.issued_at
				FROM workforce_certificate c JOIN workforce_worker w ON w.id = c.worker_id WHERE c.code = :code
				""").param("code", code)
			.query((rs, n) -> new Certificate(rs.getString("code"), Masking.name(rs.getString("name")),
					rs.getObject("from_date", LocalDate.class), rs.getObject("to_date", LocalDate.class),
					rs.getLong("minutes"), rs.getInt("shifts"), rs.getTimestamp("issued_at").toInstant()))
			.optional();
	}
}
