package org.frontline.workforce.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.frontline.workforce.Deployment;
import org.frontline.workforce.Post;
import org.frontline.workforce.PostKind;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Deployments: a worker at a post for a range of days. */
@Repository
public class DeploymentRepository {

	private static final String SELECT = """
			SELECT d.id, d.worker_id, w.name AS worker_name, d.from_date, d.to_date,
			       p.id AS post_id, p.kind, p.ref, p.name AS post_name, p.area_code, p.code
			FROM workforce_deployment d
			JOIN workforce_worker w ON w.id = d.worker_id
			JOIN workforce_post p ON p.id = d.post_id
			""";

	private static final RowMapper<Deployment> DEPLOYMENT = (rs, n) -> new Deployment(rs.getLong("id"),
			rs.getLong("worker_id"), rs.getString("worker_name"),
			new Post(rs.getLong("post_id"), PostKind.valueOf(rs.getString("kind")), rs.getString("ref"),
					rs.getString("post_name"), rs.getString("area_code"), rs.getString("code")),
			rs.getObject("from_date", LocalDate.class), rs.getObject("to_date", LocalDate.class));

	private final JdbcClient jdbc;

	DeploymentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Deployment> find(long id) {
		return jdbc.sql(SELECT + " WHERE d.id = :id").param("id", id).query(DEPLOYMENT).optional();
	}

	public long insert(long workerId, long postId, LocalDate from, LocalDate to, String by) {
		return jdbc.sql("""
				INSERT INTO workforce_deployment (worker_id, post_id, from_date, to_date, created_by)
				VALUES (:worker, :post, :from, :to, :by) RETURNING id
				""").param("worker", workerId).param("post", postId).param("from", from).param("to", to).param("by", by)
			.query(Long.class)
			.single();
	}

	/** Many deployments at once (a unit's cadres sent to communities). */
	public int insertAll(List<Long> workers, List<Long> posts, LocalDate from, LocalDate to, String by) {
		return jdbc.sql("""
				INSERT INTO workforce_deployment (worker_id, post_id, from_date, to_date, created_by)
				SELECT w, p, :from, :to, :by FROM unnest(:workers::bigint[], :posts::bigint[]) AS d(w, p)
				""").param("workers", workers.toArray(Long[]::new)).param("posts", posts.toArray(Long[]::new))
			.param("from", from)
			.param("to", to)
			.param("by", by)
			.update();
	}

	/** Which of these workers have a deployment that shares a day with {@code [from, to]}. */
	public List<Long> deployedAmong(List<Long> workers, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT DISTINCT worker_id FROM workforce_deployment
				WHERE worker_id = ANY (:workers) AND to_date >= :from AND from_date <= :to
				""").param("workers", workers.toArray(Long[]::new)).param("from", from).param("to", to)
			.query(Long.class)
			.list();
	}

	/** The worker's deployments that share a day with {@code [from, to]}. */
	public List<Deployment> overlapping(long workerId, LocalDate from, LocalDate to) {
		return jdbc.sql(SELECT + " WHERE d.worker_id = :worker AND d.to_date >= :from AND d.from_date <= :to ORDER BY d.from_date")
			.param("worker", workerId)
			.param("from", from)
			.param("to", to)
			.query(DEPLOYMENT)
			.list();
	}

	/** The deployments of each of these workers that share a day with {@code [from, to]}. */
	public Map<Long, List<Deployment>> overlappingOf(Collection<Long> workerIds, LocalDate from, LocalDate to) {
		Map<Long, List<Deployment>> deployed = new HashMap<>();
		jdbc.sql(SELECT + " WHERE d.worker_id = ANY (:workers) AND d.to_date >= :from AND d.from_date <= :to ORDER BY d.from_date")
			.param("workers", workerIds.toArray(Long[]::new))
			.param("from", from)
			.param("to", to)
			.query(DEPLOYMENT)
			.list()
			.forEach(d -> deployed.computeIfAbsent(d.workerId(), k -> new ArrayList<>()).add(d));
		return deployed;
	}

	/** The deployment of each of the unit's workers on a day. */
	public List<Deployment> ofUnitOn(long unitId, LocalDate day) {
		return jdbc.sql(SELECT + """
				 WHERE w.unit_id = :unit AND d.from_date <= :day AND d.to_date >= :day ORDER BY w.name, w.id
				""").param("unit", unitId).param("day", day).query(DEPLOYMENT).list();
	}

	/** The deployments at a post on a day. */
	public List<Deployment> atPostOn(long postId, LocalDate day) {
		return jdbc.sql(SELECT + """
				 WHERE d.post_id = :post AND d.from_date <= :day AND d.to_date >= :day ORDER BY w.name, w.id
				""").param("post", postId).param("day", day).query(DEPLOYMENT).list();
	}

	public long count() {
		return jdbc.sql("SELECT count(*) FROM workforce_deployment").query(Long.class).single();
	}
}
