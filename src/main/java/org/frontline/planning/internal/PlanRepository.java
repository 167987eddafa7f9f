package org.frontline.planning.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.frontline.planning.Proposal;
import org.frontline.planning.RoundPlan;
import org.frontline.planning.SitePlan;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/** Plans with their sites and proposals; a plan's figures are kept as JSON, as they were computed. */
@Repository
public class PlanRepository {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	PlanRepository(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Stores a plan (its sites in the given order with the keys of their random streams, its proposals numbered
	 * from 1) and answers its id.
	 */
	public long insert(RoundPlan plan, Map<Long, Long> streams, List<Proposal> proposals) {
		RoundPlan summary = new RoundPlan(0, plan.roundId(), plan.roundName(), plan.startsAt(), plan.createdAt(),
				plan.createdBy(), plan.seed(), plan.runs(), plan.assumptions(), plan.residents(), plan.walkIn(),
				plan.doorToDoor(), plan.samplingDoneP90Minutes(), plan.meetsNorms(), plan.violations(), plan.totals(),
				List.of(), plan.proposals());
		long id = jdbc.sql("""
				INSERT INTO planning_plan (round_id, created_at, created_by, seed, runs, meets_norms, summary)
				VALUES (:round, :at, :by, :seed, :runs, :meets, :summary::jsonb) RETURNING id
				""")
			.param("round", plan.roundId())
			.param("at", Timestamp.from(plan.createdAt()))
			.param("by", plan.createdBy())
			.param("seed", plan.seed())
			.param("runs", plan.runs())
			.param("meets", plan.meetsNorms())
			.param("summary", json.writeValueAsString(summary))
			.query(Long.class)
			.single();
		List<SitePlan> sites = plan.sites();
		for (int from = 0; from < sites.size(); from += 500) {
			StringBuilder sql = new StringBuilder(
					"INSERT INTO planning_plan_site (plan_id, site_id, position, meets_norms, stream, detail) VALUES ");
			List<Object> values = new ArrayList<>();
			for (int i = from; i < Math.min(sites.size(), from + 500); i++) {
				sql.append(i > from ? ", " : "").append("(?, ?, ?, ?, ?, ?::jsonb)");
				SitePlan site = sites.get(i);
				values.addAll(List.of(id, site.siteId(), i, site.meetsNorms(), streams.get(site.siteId()),
						json.writeValueAsString(site)));
			}
			jdbc.sql(sql.toString()).params(values).update();
		}
		for (Proposal proposal : proposals) {
			jdbc.sql("INSERT INTO planning_proposal (plan_id, n, kind, detail) VALUES (:plan, :n, :kind, :detail::jsonb)")
				.param("plan", id)
				.param("n", proposal.n())
				.param("kind", proposal.kind().name())
				.param("detail", json.writeValueAsString(proposal))
				.update();
		}
		return id;
	}

	public Optional<Long> latestId(long roundId) {
		return jdbc.sql("SELECT id FROM planning_plan WHERE round_id = :round ORDER BY id DESC LIMIT 1")
			.param("round", roundId)
			.query(Long.class)
			.optional();
	}

	/** The plan without its sites. */
	public Optional<RoundPlan> summary(long planId) {
		return jdbc.sql("SELECT id, summary FROM planning_plan WHERE id = :id")
			.param("id", planId)
			.query((rs, n) -> withId(json.readValue(rs.getString("summary"), RoundPlan.class), rs.getLong("id")))
			.optional();
	}

	/** A page of the plan's sites, those missing a norm first. */
	public List<SitePlan> sites(long planId, int offset, int limit) {
		return jdbc.sql("""
				SELECT detail FROM planning_plan_site WHERE plan_id = :plan ORDER BY position OFFSET :offset LIMIT :limit
				""")
			.param("plan", planId)
			.param("offset", offset)
			.param("limit", limit)
			.query((rs, n) -> json.readValue(rs.getString("detail"), SitePlan.class))
			.list();
	}

	public Optional<SitePlan> site(long planId, long siteId) {
		return jdbc.sql("SELECT detail FROM planning_plan_site WHERE plan_id = :plan AND site_id = :site")
			.param("plan", planId)
			.param("site", siteId)
			.query((rs, n) -> json.readValue(rs.getString("detail"), SitePlan.class))
			.optional();
	}

	/** The key of a site's random streams in the plan. */
	public long stream(long planId, long siteId) {
		return jdbc.sql("SELECT stream FROM planning_plan_site WHERE plan_id = :plan AND site_id = :site")
			.param("plan", planId)
			.param("site", siteId)
			.query(Long.class)
			.single();
	}

	public List<Proposal> proposals(long planId) {
		return jdbc.sql("SELECT * FROM planning_proposal WHERE plan_id = :plan ORDER BY n")
			.param("plan", planId)
			.query((rs, n) -> proposal(rs))
			.list();
	}

	/** A proposal, locked until the transaction ends, so that it is applied once however often it is asked for. */
	public Optional<Proposal> lockProposal(long planId, int n) {
		return jdbc.sql("SELECT * FROM planning_proposal WHERE plan_id = :plan AND n = :n FOR UPDATE")
			.param("plan", planId)
			.param("n", n)
			.query((rs, i) -> proposal(rs))
			.optional();
	}

	public void applied(long planId, int n, Instant at, String by, Long createdSiteId) {
		jdbc.sql("""
				UPDATE planning_proposal SET applied_at = :at, applied_by = :by, created_site_id = :site
				WHERE plan_id = :plan AND n = :n
				""")
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("site", createdSiteId)
			.param("plan", planId)
			.param("n", n)
			.update();
	}

	private Proposal proposal(ResultSet rs) throws SQLException {
		Proposal stored = json.readValue(rs.getString("detail"), Proposal.class);
		Timestamp at = rs.getTimestamp("applied_at");
		long created = rs.getLong("created_site_id");
		Long createdSite = rs.wasNull() ? null : created;
		return new Proposal(stored.n(), stored.kind(), stored.recommended(), stored.siteId(), stored.siteName(),
				stored.compound(), stored.compoundName(), stored.targetSiteId(), stored.targetSiteName(), stored.area(),
				stored.stationsPerHour(), stored.people(), stored.staffHours(), stored.meetsNorms(),
				stored.doneP90Minutes(), stored.worstWaitP90Minutes(), at == null ? null : at.toInstant(),
				rs.getString("applied_by"), createdSite);
	}

	private static RoundPlan withId(RoundPlan plan, long id) {
		return new RoundPlan(id, plan.roundId(), plan.roundName(), plan.startsAt(), plan.createdAt(), plan.createdBy(),
				plan.seed(), plan.runs(), plan.assumptions(), plan.residents(), plan.walkIn(), plan.doorToDoor(),
				plan.samplingDoneP90Minutes(), plan.meetsNorms(), plan.violations(), plan.totals(), plan.sites(),
				plan.proposals());
	}
}
