package org.frontline.interop.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Bulk Data export jobs. */
@Repository
public class ExportRepository {

	private final JdbcClient jdbc;

	ExportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An export: its parameters and where its files are cut. */
	public record Export(UUID id, long userId, long roundId, List<String> types, Instant since, Instant transactionTime,
			String request, List<Long> tubeBounds, List<Long> personBounds, boolean cancelled) {
	}

	public void insert(Export export, String username) {
		jdbc.sql("""
				INSERT INTO interop_export (id, user_id, username, round_id, types, since, transaction_time, request,
				  tube_bounds, person_bounds, status, requested_at)
				VALUES (:id, :user, :username, :round, :types::text[], :since, :tt, :request, :tubes::bigint[],
				  :people::bigint[], 'COMPLETE', :tt)
				""")
			.param("id", export.id())
			.param("user", export.userId())
			.param("username", username)
			.param("round", export.roundId())
			.param("types", export.types().toArray(String[]::new))
			.param("since", export.since() == null ? null : Timestamp.from(export.since()))
			.param("tt", Timestamp.from(export.transactionTime()))
			.param("request", export.request())
			.param("tubes", export.tubeBounds().toArray(Long[]::new))
			.param("people", export.personBounds().toArray(Long[]::new))
			.update();
	}

	public Optional<Export> find(UUID id, long userId) {
		return jdbc.sql("SELECT * FROM interop_export WHERE id = :id AND user_id = :user")
			.param("id", id)
			.param("user", userId)
			.query((rs, n) -> new Export(rs.getObject("id", UUID.class), rs.getLong("user_id"), rs.getLong("round_id"),
					Arrays.asList((String[]) rs.getArray("types").getArray()),
					rs.getTimestamp("since") == null ? null : rs.getTimestamp("since").toInstant(),
					rs.getTimestamp("transaction_time").toInstant(), rs.getString("request"),
					Arrays.asList((Long[]) rs.getArray("tube_bounds").getArray()),
					Arrays.asList((Long[]) rs.getArray("person_bounds").getArray()),
					"CANCELLED".equals(rs.getString("status"))))
			.optional();
	}

	public boolean cancel(UUID id, long userId) {
		return jdbc.sql("UPDATE interop_export SET status = 'CANCELLED' WHERE id = :id AND user_id = :user AND status <> 'CANCELLED'")
			.param("id", id)
			.param("user", userId)
			.update() == 1;
	}
}
