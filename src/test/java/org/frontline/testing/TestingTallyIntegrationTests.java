package org.frontline.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frontline.testing.ResultsFixture.result;
import static org.frontline.testing.TestingFixture.event;
import static org.frontline.testing.TestingFixture.results;
import static org.frontline.testing.TestingFixture.send;
import static org.frontline.testing.TestingFixture.unique;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.frontline.testing.TestingCounts.ResultFlow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The tallies behind the command centre's testing figures (samples, results with their turnaround, tubes awaiting a
 * result, per site and quarter of an hour, kept by triggers) against counts done another way over the same rows,
 * through sampling on both scan paths, a replayed batch, removal, sealing, results, a replayed upload and a correction;
 * and the counts read through them over windows whose ends cut quarters against the same counts over the rows.
 */
class TestingTallyIntegrationTests extends IntegrationTest {

	private static final String QUARTER = "date_bin('15 minutes', %s, timestamptz '2000-01-01 00:00:00+00')";

	@Autowired
	private TestingCounts counts;

	private ResultsFixture fixture;

	@BeforeEach
	void setUp() {
		fixture = new ResultsFixture(api(), 10);
	}

	private Map<String, Long> kept(String sql) {
		Map<String, Long> kept = new HashMap<>();
		jdbc.sql(sql).param("site", fixture.site).query(rs -> {
			if (rs.getLong(2) != 0) {
				kept.put(rs.getString(1), rs.getLong(2));
			}
		});
		return kept;
	}

	private void assertTalliesMatch() {
		assertThat(kept("""
				SELECT quarter::text, sum(samples) FROM testing_sample_tally WHERE site_id = :site GROUP BY quarter"""))
			.as("samples per quarter")
			.isEqualTo(kept("SELECT %s::text, count(*) FROM testing_sample WHERE site_id = :site AND removed_at IS NULL GROUP BY 1"
				.formatted(QUARTER.formatted("sampled_at"))));
		assertThat(kept("""
				SELECT quarter::text || ' ' || minutes, sum(results) FROM testing_result_tally WHERE site_id = :site
				GROUP BY quarter, minutes"""))
			.as("results per quarter and minutes of turnaround")
			.isEqualTo(kept("""
					SELECT %s::text || ' ' || floor(extract(epoch FROM r.posted_at - t.opened_at) / 60)::integer, count(*)
					FROM testing_result r JOIN testing_tube t ON t.id = r.tube_id WHERE t.site_id = :site GROUP BY 1"""
				.formatted(QUARTER.formatted("r.posted_at"))));
		assertThat(kept("""
				SELECT quarter::text, sum(tubes) FROM testing_awaiting_tally WHERE site_id = :site GROUP BY quarter"""))
			.as("sealed tubes without a result per quarter")
			.isEqualTo(kept("""
					SELECT %s::text, count(*) FROM testing_tube t WHERE t.site_id = :site AND t.status = 'SEALED'
					  AND NOT EXISTS (SELECT 1 FROM testing_result r WHERE r.tube_id = t.id) GROUP BY 1"""
				.formatted(QUARTER.formatted("t.opened_at"))));
	}

	private void accepted(List<Map<String, Object>> events) {
		List<JsonNode> answers = results(send(fixture.registrar, events));
		assertThat(answers).as(answers.toString())
			.extracting(a -> a.get("status").asString())
			.allMatch(s -> s.equals("ACCEPTED") || s.equals("DUPLICATE"));
	}

	@Test
	void sampleTallyFollowsBothScanPathsReplaysAndRemovals() {
		List<Long> people = fixture.people(TestData.BILINWAN_COMPOUND, 3);
		String tube = unique("T");
		List<Map<String, Object>> batch = new ArrayList<>();
		batch.add(event("TUBE_OPENED", "roundId", fixture.round, "siteId", fixture.site, "tubeCode", tube, "poolSize", 10));
		batch.add(event("SAMPLED", "tubeCode", tube, "personCode", fixture.testing.code(people.get(0))));
		batch.add(event("SAMPLED", "tubeCode", tube, "personCode", fixture.testing.code(people.get(1))));
		accepted(batch);
		assertTalliesMatch();
		long before = jdbc.sql("SELECT sum(samples) FROM testing_sample_tally WHERE site_id = :site")
			.param("site", fixture.site).query(Long.class).single();
		accepted(batch);
		assertThat(jdbc.sql("SELECT sum(samples) FROM testing_sample_tally WHERE site_id = :site")
			.param("site", fixture.site).query(Long.class).single()).as("a replayed batch counts nothing again")
			.isEqualTo(before);
		fixture.tube(List.of(people.get(2)), 10, false);
		assertTalliesMatch();
		accepted(List.of(event("SAMPLE_REMOVED", "tubeCode", tube, "personCode", fixture.testing.code(people.get(1)))));
		assertTalliesMatch();
	}

	@Test
	void resultAndAwaitingTalliesFollowSealingResultsReplaysAndCorrections() {
		String first = fixture.tube(fixture.people(TestData.BILINWAN_COMPOUND, 2), 10, true);
		String second = fixture.tube(fixture.people(TestData.BILINWAN_COMPOUND, 2), 10, true);
		assertTalliesMatch();
		List<Map<String, Object>> upload = List.of(result(first, "INVALID"));
		fixture.post(fixture.labStaff, upload);
		assertTalliesMatch();
		fixture.post(fixture.labStaff, upload);
		assertTalliesMatch();
		assertThat(fixture.labStaff.post("/api/v1/results/" + first + "/correction",
				Map.of("outcome", "NEGATIVE", "reason", "复检确认：样本管标签录入错误")).status()).isEqualTo(200);
		assertTalliesMatch();
		fixture.post(fixture.labStaff, List.of(result(second, "NEGATIVE")));
		assertTalliesMatch();
		jdbc.sql("UPDATE testing_result SET posted_at = posted_at - interval '50 minutes' WHERE tube_id = "
				+ "(SELECT id FROM testing_tube WHERE code = :code)").param("code", second).update();
		assertTalliesMatch();
	}

	@Test
	void countsOverWindowsCuttingQuartersEqualCountsOverTheRows() {
		List<Long> people = fixture.people(TestData.BILINWAN_COMPOUND, 6);
		fixture.tube(people.subList(0, 3), 10, true);
		String resulted = fixture.tube(people.subList(3, 5), 10, true);
		fixture.tube(people.subList(5, 6), 10, true);
		fixture.post(fixture.labStaff, List.of(result(resulted, "NEGATIVE")));
		String low = TestingFixture.BILINWAN;
		String high = "320602001002";
		Instant sampled = jdbc.sql("SELECT max(sampled_at) FROM testing_sample WHERE site_id = :site")
			.param("site", fixture.site).query(Timestamp.class).single().toInstant();
		Instant posted = jdbc.sql("SELECT max(posted_at) FROM testing_result")
			.query(Timestamp.class).single().toInstant();
		for (Instant at : List.of(sampled, posted)) {
			for (Instant[] window : List.of(new Instant[] { at.minus(Duration.ofMinutes(67)), at.plusSeconds(3607) },
					new Instant[] { at.minusSeconds(7207), at.plusSeconds(61) },
					new Instant[] { at.minusSeconds(5), at.plusSeconds(5) })) {
				assertWindowCounted(low, high, window[0], window[1]);
			}
		}
	}

	private void assertWindowCounted(String low, String high, Instant from, Instant to) {
		Map<String, Object> params = Map.of("low", low, "high", high, "from", Timestamp.from(from), "to",
				Timestamp.from(to));
		Map<String, Long> samples = new HashMap<>();
		jdbc.sql("""
				SELECT st.area_code, count(*) FROM testing_sample s JOIN testing_site st ON st.id = s.site_id
				WHERE s.removed_at IS NULL AND s.sampled_at >= :from AND s.sampled_at < :to
				  AND st.area_code >= :low AND st.area_code < :high GROUP BY 1""").params(params).query(rs -> {
			samples.put(rs.getString(1), rs.getLong(2));
		});
		assertThat(counts.samplesBySiteArea(low, high, from, to)).as("samples in [%s, %s)", from, to)
			.isEqualTo(samples);
		ResultFlow flow = counts.results(low, high, from, to, from);
		Map<String, Object> posted = jdbc.sql("""
				SELECT count(*) AS resulted,
				       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY m)::numeric, 1)::float8 AS p50,
				       round(percentile_cont(0.9) WITHIN GROUP (ORDER BY m)::numeric, 1)::float8 AS p90
				FROM (SELECT floor(extract(epoch FROM r.posted_at - t.opened_at) / 60) AS m
				      FROM testing_result r JOIN testing_tube t ON t.id = r.tube_id JOIN testing_site st ON st.id = t.site_id
				      WHERE r.posted_at >= :from AND r.posted_at < :to
				        AND st.area_code >= :low AND st.area_code < :high) k""").params(params).query().singleRow();
		assertThat(flow.resulted()).as("results in [%s, %s)", from, to).isEqualTo(posted.get("resulted"));
		assertThat(flow.p50Minutes()).isEqualTo(posted.get("p50"));
		assertThat(flow.p90Minutes()).isEqualTo(posted.get("p90"));
		assertThat(flow.awaiting()).as("awaiting since %s", from).isEqualTo(jdbc.sql("""
				SELECT count(*) FROM testing_tube t JOIN testing_site st ON st.id = t.site_id
				WHERE t.status = 'SEALED' AND t.opened_at >= :from AND st.area_code >= :low AND st.area_code < :high
				  AND NOT EXISTS (SELECT 1 FROM testing_result r WHERE r.tube_id = t.id)""").params(params)
			.query(Long.class).single());
	}
}
