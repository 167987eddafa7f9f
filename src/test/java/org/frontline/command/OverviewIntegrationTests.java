package org.frontline.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frontline.command.CommandFixture.DISTRICT;
import static org.frontline.command.CommandFixture.SUBDISTRICT;
import static org.frontline.command.CommandFixture.figure;
import static org.frontline.command.CommandFixture.part;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.frontline.support.PageSession;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class OverviewIntegrationTests extends IntegrationTest {

	/** The overview's figures by module and id. */
	private static Map<String, JsonNode> figures(JsonNode overview) {
		Map<String, JsonNode> figures = new HashMap<>();
		overview.get("parts").valueStream().forEach(part -> {
			assertThat(part.get("asOf").isNull()).isFalse();
			part.get("figures").valueStream()
				.forEach(f -> figures.put(part.get("module").asString() + "." + f.get("id").asString(), f.get("value")));
		});
		return figures;
	}

	private long count(String sql, Map<String, Object> params) {
		var spec = jdbc.sql(sql);
		for (var p : params.entrySet()) {
			spec = spec.param(p.getKey(), p.getValue());
		}
		return spec.query(Long.class).single();
	}

	@Test
	void everyFigureOfTheDistrictOverviewEqualsACountDoneAnotherWay() {
		Response response = api().as("commander").get("/api/v1/command/overview");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode overview = response.json();
		assertThat(overview.get("area").asString()).isEqualTo(DISTRICT);
		Map<String, JsonNode> f = figures(overview);
		Instant now = clock.instant();
		Timestamp midnight = Timestamp.from(LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant());
		Map<String, Object> district = Map.of("low", "320602", "high", "320603");

		for (String status : new String[] { "AVAILABLE", "OCCUPIED", "AWAITING_DISINFECTION" }) {
			String id = switch (status) {
				case "AVAILABLE" -> "available";
				case "OCCUPIED" -> "occupied";
				default -> "awaitingDisinfection";
			};
			assertThat(f.get("quarantine." + id).asLong()).as(status).isEqualTo(count("""
					SELECT count(*) FROM quarantine_room r JOIN quarantine_facility x ON x.id = r.facility_id
					WHERE r.status = '%s' AND x.area_code >= :low AND x.area_code < :high""".formatted(status), district));
		}
		assertThat(f.get("quarantine.arrivals").asLong()).isEqualTo(count("""
				SELECT count(*) FROM quarantine_arrival a JOIN quarantine_facility x ON x.id = a.facility_id
				WHERE a.status = 'PLANNED' AND a.expected_at < :until AND x.area_code >= :low AND x.area_code < :high""",
				Map.of("low", "320602", "high", "320603", "until", Timestamp.from(now.plus(Duration.ofDays(1))))));
		assertThat(f.get("quarantine.openAnomalies").asLong()).isEqualTo(count("""
				SELECT count(*) FROM quarantine_anomaly a JOIN quarantine_facility x ON x.id = a.facility_id
				WHERE a.status = 'OPEN' AND x.area_code >= :low AND x.area_code < :high""", district));
		assertThat(f.get("quarantine.releases").asLong()).isEqualTo(count("""
				SELECT count(*) FROM quarantine_stay s JOIN quarantine_facility x ON x.id = s.facility_id
				WHERE s.status = 'ACTIVE' AND s.planned_release <= :tomorrow AND x.area_code >= :low AND x.area_code < :high""",
				Map.of("low", "320602", "high", "320603", "tomorrow", java.sql.Date.valueOf(LocalDate.now(clock).plusDays(1)))));

		assertThat(f.get("testing.samplesToday").asLong()).isEqualTo(count("""
				SELECT count(*) FROM testing_sample s JOIN testing_site st ON st.id = s.site_id
				WHERE s.removed_at IS NULL AND s.sampled_at >= :midnight AND st.area_code LIKE '320602%'""",
				Map.of("midnight", midnight)));
		assertThat(f.get("testing.awaiting").asLong()).isEqualTo(count("""
				SELECT count(*) FROM testing_tube t JOIN testing_site st ON st.id = t.site_id
				WHERE t.status = 'SEALED' AND t.opened_at >= :since AND st.area_code LIKE '320602%'
				  AND t.id NOT IN (SELECT tube_id FROM testing_result)""",
				Map.of("since", Timestamp.from(now.minus(Duration.ofDays(3))))));
		assertThat(f.get("testing.resultedToday").asLong()).isEqualTo(count("""
				SELECT count(*) FROM testing_result r JOIN testing_tube t ON t.id = r.tube_id
				JOIN testing_site st ON st.id = t.site_id WHERE r.posted_at >= :midnight AND st.area_code LIKE '320602%'""",
				Map.of("midnight", midnight)));
		assertThat(f.get("testing.overdueRetests").asLong()).isEqualTo(count("""
				SELECT count(*) FROM testing_task WHERE status = 'OPEN' AND due_at < :now AND area_code LIKE '320602%'""",
				Map.of("now", Timestamp.from(now))));
		assertThat(f.get("testing.poolsAwaitingRetest").asLong()).isEqualTo(count("""
				SELECT count(DISTINCT source_tube_id) FROM testing_task WHERE status = 'OPEN' AND area_code LIKE '320602%'""",
				Map.of()));
		assertThat(f.get("testing.positivesToday").asLong()).isEqualTo(count("""
				SELECT count(*) FROM command_positive WHERE confirmed_at >= :midnight AND area LIKE '320602%'""",
				Map.of("midnight", midnight)));
		long round = jdbc.sql("""
				SELECT r.id FROM testing_round r WHERE r.status = 'OPEN' AND EXISTS (SELECT 1 FROM testing_round_area a
				  WHERE a.round_id = r.id AND (a.area_code LIKE '320602%' OR '320602' LIKE a.area_code || '%'))
				ORDER BY r.starts_at DESC, r.id DESC LIMIT 1""").query(Long.class).optional().orElse(-1L);
		assertThat(f.containsKey("testing.sampled")).isEqualTo(round > 0);
		if (round > 0) {
			assertThat(f.get("testing.sampled").asLong()).isEqualTo(count("""
					SELECT count(DISTINCT s.person_id) FROM testing_sample s JOIN people_resident p ON p.id = s.person_id
					WHERE s.round_id = :round AND s.removed_at IS NULL AND p.area_code LIKE '320602%'
					  AND EXISTS (SELECT 1 FROM testing_round_area a WHERE a.round_id = :round
					              AND (p.area_code LIKE a.area_code || '%'))""", Map.of("round", round)));
		}
		for (String level : new String[] { "LOCKDOWN", "CONTROL", "PREVENTION" }) {
			assertThat(f.get("zones." + level).asLong()).as(level).isEqualTo(count("""
					SELECT count(*) FROM zones_zone_period WHERE level = :level AND since <= :now
					  AND (until IS NULL OR until > :now) AND area_code LIKE '320602%'""",
					Map.of("level", level, "now", Timestamp.from(now))));
		}
		Map<String, Object> underWay = Map.of("now", Timestamp.from(now), "earliest",
				Timestamp.from(now.minus(Duration.ofHours(24))));
		String shiftsUnderWay = """
				FROM workforce_shift s JOIN workforce_post p ON p.id = s.post_id
				WHERE s.starts_at > :earliest AND s.starts_at <= :now AND s.ends_at > :now AND p.area_code LIKE '320602%'""";
		assertThat(f.get("workforce.needed").asLong()).isEqualTo(count("SELECT coalesce(sum(s.needed), 0) " + shiftsUnderWay,
				underWay));
		assertThat(f.get("workforce.onDuty").asLong()).isEqualTo(count("""
				SELECT count(*) FROM workforce_assignment a JOIN workforce_shift s ON s.id = a.shift_id
				JOIN workforce_post p ON p.id = s.post_id
				WHERE a.checked_in_at IS NOT NULL AND a.checked_out_at IS NULL AND s.starts_at > :earliest
				  AND s.starts_at <= :now AND s.ends_at > :now AND p.area_code LIKE '320602%'""", underWay));
		assertThat(f.get("workforce.gap").asLong()).isEqualTo(count("""
				SELECT coalesce(sum(greatest(0, needed - on_duty)), 0) FROM (
				  SELECT s.post_id, s.role, sum(s.needed) AS needed,
				         sum((SELECT count(*) FROM workforce_assignment a WHERE a.shift_id = s.id
				              AND a.checked_in_at IS NOT NULL AND a.checked_out_at IS NULL)) AS on_duty
				  %s GROUP BY s.post_id, s.role) g""".formatted(shiftsUnderWay), underWay));
		assertThat(f.get("workforce.needed").asLong()).as("the demo's shifts are under way").isPositive();
		assertThat(f.get("supplies.overdueRequests").asLong()).isEqualTo(count("""
				SELECT count(*) FROM supplies_request r JOIN supplies_place p ON p.place = r.place
				WHERE r.status IN ('REQUESTED', 'APPROVED', 'DISPATCHED') AND r.needed_by < :now
				  AND p.area_code LIKE '320602%'""", Map.of("now", Timestamp.from(now))));
		assertThat(f.get("alerts.open").asLong()).isEqualTo(count("""
				SELECT count(*) FROM command_alert WHERE status <> 'CLOSED'
				  AND (area LIKE '320602%' OR origin_area LIKE '320602%')""", Map.of()));
	}

	@Test
	void theSuppliesAndWorkforceFiguresAgreeWithThePagesTheyLinkTo() {
		JsonNode overview = api().as("commander").get("/api/v1/command/overview").json();
		JsonNode supplies = part(overview, "supplies");
		JsonNode cover = api().as("commander").get("/api/v1/supplies/cover?area=" + DISTRICT).json();
		double threshold = cover.get("lowCoverDays").asDouble();
		List<JsonNode> lines = cover.get("lines").valueStream().filter(l -> !l.get("days").isNull()).toList();
		assertThat(lines).as("the demo's places use supplies").isNotEmpty();
		assertThat(figure(supplies, "low").get("value").asLong())
			.isEqualTo(lines.stream().filter(l -> l.get("days").asDouble() < threshold).count());
		JsonNode least = figure(supplies, "leastCover");
		assertThat(least.get("value").asDouble())
			.isEqualTo(Math.round(lines.stream().mapToDouble(l -> l.get("days").asDouble()).min().orElseThrow() * 10) / 10.0);
		assertThat(least.get("href").asString()).startsWith("/supplies?place=");
		String place = least.get("href").asString().replaceFirst(".*place=", "");
		String item = lines.get(0).get("item").get("code").asString();
		Response stock = api().as("commander").get("/api/v1/stock?place=" + place + "&item=" + item);
		assertThat(stock.status()).as(stock.body()).isEqualTo(200);
		assertThat(Math.round(stock.json().get("items").get(0).get("days").asDouble() * 10) / 10.0)
			.as("the place the figure links to has that item's least cover").isEqualTo(least.get("value").asDouble());

		JsonNode workforce = part(overview, "workforce");
		JsonNode onDuty = api().as("commander").get("/api/v1/workforce/on-duty?area=" + DISTRICT).json();
		for (String id : new String[] { "needed", "onDuty", "gap" }) {
			assertThat(figure(workforce, id).get("value").asLong()).as(id).isEqualTo(onDuty.get(id).asLong());
			assertThat(figure(workforce, id).get("href").asString()).isEqualTo("/workforce?area=" + DISTRICT);
		}
		List<Long> gaps = workforce.get("blocks").get(0).get("rows").valueStream()
			.map(r -> r.get("values").get(2).asLong()).toList();
		assertThat(gaps).allMatch(g -> g > 0).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		assertThat(gaps.stream().mapToLong(Long::longValue).sum()).isLessThanOrEqualTo(onDuty.get("gap").asLong());
	}

	@Test
	void rowsNameItemsInTheReadersLanguageEachLanguageCachedApart() {
		List<String> chinese = itemsOfLeastCovered(api().as("commander"));
		List<String> english = itemsOfLeastCovered(api().as("commander").acceptLanguage("en"));
		assertThat(chinese).isNotEmpty().allMatch(name -> name.codePoints()
			.anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
		assertThat(english).isNotEmpty().allMatch(name -> name.codePoints()
			.noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
	}

	private List<String> itemsOfLeastCovered(org.frontline.support.Api.As as) {
		JsonNode supplies = part(as.get("/api/v1/command/overview").json(), "supplies");
		return supplies.get("blocks").get(0).get("rows").valueStream()
			.map(r -> r.get("name").asString().replaceFirst(".* · ", ""))
			.toList();
	}

	@Test
	void theQuarantineAndEnterpriseFiguresOpenTheirPagesFilteredByTheAreaShown() {
		String subdistrict = jdbc.sql("""
				SELECT left(area_code, 9) FROM quarantine_facility WHERE area_code LIKE '320602%'
				GROUP BY left(area_code, 9) ORDER BY count(*), left(area_code, 9) LIMIT 1""").query(String.class).single();
		JsonNode quarantine = part(api().as("commander").get("/api/v1/command/overview?area=" + subdistrict).json(),
				"quarantine");
		assertThat(figure(quarantine, "available").get("href").asString()).isEqualTo("/quarantine?area=" + subdistrict);
		Response capacity = api().as("commander").get("/api/v1/quarantine/capacity?area=" + subdistrict);
		assertThat(capacity.status()).as(capacity.body()).isEqualTo(200);
		assertThat(capacity.json().get("facilities").size()).isEqualTo(count("""
				SELECT count(*) FROM quarantine_facility WHERE area_code LIKE :sub || '%'""", Map.of("sub", subdistrict)));
		for (String id : new String[] { "available", "occupied", "awaitingDisinfection" }) {
			assertThat(figure(quarantine, id).get("value").asLong()).as(id)
				.isEqualTo(capacity.json().get("district").get(id).asLong());
		}
		assertThat(api().as("commander").get("/api/v1/quarantine/capacity?area=12x").status()).isEqualTo(400);

		String inLoop = jdbc.sql("""
				SELECT left(e.area_code, 9) FROM enterprise_loop l JOIN enterprise_enterprise e ON e.id = l.enterprise_id
				WHERE l.ends_at IS NULL AND e.area_code LIKE '320602%' ORDER BY l.id LIMIT 1""").query(String.class).single();
		JsonNode enterprise = part(api().as("commander").get("/api/v1/command/overview?area=" + inLoop).json(),
				"enterprise");
		assertThat(figure(enterprise, "loops").get("href").asString()).isEqualTo("/enterprise?area=" + inLoop);
		// Running now: begun and not ended (a loop that begins later is not counted).
		assertThat(figure(enterprise, "loops").get("value").asLong()).isEqualTo(count("""
				SELECT count(*) FROM enterprise_loop l JOIN enterprise_enterprise e ON e.id = l.enterprise_id
				WHERE l.ends_at IS NULL AND l.starts_at < :now AND e.area_code LIKE :sub || '%'""",
				Map.of("sub", inLoop, "now", Timestamp.from(clock.instant()))));
	}

	@Test
	void aSubdistrictCommanderSeesTheirSubdistrictAndNothingAboveIt() {
		String commander = CommandFixture.user(api(), "COMMANDER", SUBDISTRICT);
		var as = CommandFixture.as(api(), commander);
		Response own = as.get("/api/v1/command/overview");
		assertThat(own.status()).as(own.body()).isEqualTo(200);
		assertThat(own.json().get("area").asString()).isEqualTo(SUBDISTRICT);
		assertThat(as.get("/api/v1/command/overview?area=" + DISTRICT).status()).isEqualTo(404);
		assertThat(as.get("/api/v1/command/overview?area=" + CommandFixture.OTHER_SUBDISTRICT).status()).isEqualTo(404);
		assertThat(as.get("/api/v1/command/overview?area=" + CommandFixture.BILINWAN).status()).isEqualTo(200);
		Response bad = as.get("/api/v1/command/overview?area=abc");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("area");
		assertThat(api().as("community").get("/api/v1/command/overview").status()).isEqualTo(403);
		assertThat(as.get("/api/v1/reports/daily?area=" + DISTRICT).status()).isEqualTo(404);
	}

	@Test
	void theTrendHasOneEntryPerDayEndingToday() {
		Response trend = api().as("commander").get("/api/v1/command/trend?days=14");
		assertThat(trend.status()).as(trend.body()).isEqualTo(200);
		assertThat(trend.json().propertyNames()).hasSize(14).contains(LocalDate.now(clock).toString());
		assertThat(api().as("commander").get("/api/v1/command/trend?days=0").status()).isEqualTo(400);
		LocalDate today = LocalDate.now(clock);
		long samples = jdbc.sql("""
				SELECT count(*) FROM testing_sample s JOIN testing_site st ON st.id = s.site_id
				WHERE s.removed_at IS NULL AND s.sampled_at >= :from AND st.area_code LIKE '320602%'""")
			.param("from", java.sql.Timestamp.from(today.atStartOfDay(clock.getZone()).toInstant()))
			.query(Long.class).single();
		assertThat(samples).as("the demo samples today").isPositive();
		assertThat(trend.json().get(today.toString()).get("testing.samples.0").asLong()).isEqualTo(samples);
		JsonNode live = part(api().as("commander").get("/api/v1/command/overview?area=" + DISTRICT).json(), "testing");
		assertThat(figure(live, "samplesToday").get("value").asLong()).isEqualTo(samples);
	}
	@Test
	void aScreensRefreshOfUnchangedPartsGets304AndAChangedOneTheNewFigures() throws Exception {
		PageSession screen = new PageSession(baseUrl());
		assertThat(screen.signIn("commander", DEMO_PASSWORD).headers().firstValue("Location").orElse("")).doesNotContain(
				"error");
		String page = screen.get("/command?area=" + DISTRICT).body();
		assertThat(page).contains("hx-get=\"/command/live?area=" + DISTRICT + "\"");
		long facility = jdbc.sql("""
				SELECT f.id FROM quarantine_facility f JOIN quarantine_room r ON r.facility_id = f.id
				WHERE f.area_code LIKE '320602%' AND r.status = 'AVAILABLE' ORDER BY f.id LIMIT 1""").query(Long.class).single();

		// Each part shows when it was read: a still clock reads the same parts twice.
		clock.freeze();
		try {
			String poll = "/command/live?area=" + DISTRICT;
			HttpResponse<String> first = screen.get(poll, Map.of("HX-Request", "true"));
			assertThat(first.statusCode()).isEqualTo(200);
			assertThat(first.headers().firstValue("Cache-Control").orElse("")).contains("no-cache").doesNotContain("no-store");
			assertThat(first.body()).startsWith("<section id=\"command-live\"").contains("class=\"as-of\"")
				.doesNotContain("command-trend").doesNotContain("<html");
			String etag = first.headers().firstValue("ETag").orElseThrow();
			long available = shown(first.body(), "quarantine.available");
			assertThat(available).isEqualTo(figures(api().as("commander").get("/api/v1/command/overview?area=" + DISTRICT)
				.json()).get("quarantine.available").asLong());

			HttpResponse<String> unchanged = screen.get(poll, Map.of("HX-Request", "true", "If-None-Match", etag));
			assertThat(unchanged.statusCode()).isEqualTo(304);
			assertThat(unchanged.body()).isEmpty();

			String category = jdbc.sql("SELECT code FROM quarantine_category ORDER BY id LIMIT 1").query(String.class).single();
			Response stay = api().as("facility").post("/api/v1/facilities/" + facility + "/stays", Map.of("name", "大屏测试",
					"phone", "13900002222", "category", category));
			assertThat(stay.status()).as(stay.body()).isEqualTo(201);
			HttpResponse<String> changed = screen.get(poll, Map.of("HX-Request", "true", "If-None-Match", etag));
			assertThat(changed.statusCode()).isEqualTo(200);
			assertThat(changed.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
			assertThat(shown(changed.body(), "quarantine.available")).isEqualTo(available - 1);
		}
		finally {
			clock.reset();
		}
	}

	/** A figure's value as the live view's parts show it. */
	private static long shown(String parts, String figure) {
		Matcher value = Pattern.compile("data-figure=\"" + Pattern.quote(figure) + "\" data-value=\"([0-9]+)\"")
			.matcher(parts);
		assertThat(value.find()).as(figure + " in " + parts).isTrue();
		return Long.parseLong(value.group(1));
	}
}
