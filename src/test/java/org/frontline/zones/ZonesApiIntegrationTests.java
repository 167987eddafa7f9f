package org.frontline.zones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.frontline.zones.ZonesFixture.zone;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import tools.jackson.databind.JsonNode;

class ZonesApiIntegrationTests extends IntegrationTest {

	private ZonesFixture fixture;

	@BeforeEach
	void areas() {
		clock.reset();
		fixture = new ZonesFixture(api());
	}

	/** The first instant of the district's day {@code days} days before today. */
	private Instant daysAgo(int days) {
		ZoneId district = clock.getZone();
		return LocalDate.now(clock).minusDays(days).atStartOfDay(district).toInstant();
	}

	@Test
	void aNewRuleVersionAppliesToZonesSetAfterItAndExistingZonesKeepTheirs() {
		JsonNode first = fixture.rule("CONTROL", 10, 7, null, "PREVENTION", daysAgo(2));
		fixture.notice(daysAgo(1), List.of(zone(fixture.compound, List.of(), "CONTROL")));
		JsonNode second = fixture.rule("CONTROL", 5, 3, null, "PREVENTION");
		assertThat(second.get("version").asInt()).isEqualTo(first.get("version").asInt() + 1);
		fixture.notice(Instant.now(), List.of(zone(fixture.otherCompound, List.of(), "CONTROL")));

		JsonNode before = fixture.zoneOn(fixture.compound, List.of());
		JsonNode after = fixture.zoneOn(fixture.otherCompound, List.of());
		assertThat(before.get("rule").get("id").asLong()).isEqualTo(first.get("id").asLong());
		assertThat(before.get("rule").get("cleanDays").asInt()).isEqualTo(7);
		assertThat(after.get("rule").get("id").asLong()).isEqualTo(second.get("id").asLong());
		assertThat(after.get("rule").get("poolSize").asInt()).isEqualTo(5);
		assertThat(fixture.boardRow(before.get("id").asLong()).get("earliestLift").asString())
			.isEqualTo(LocalDate.now(clock).minusDays(1).plusDays(7).toString());
	}

	@Test
	void publishedNoticesNeverChangeAndACorrectionIsANewNoticeNamingTheOneItReplaces() {
		JsonNode first = fixture.notice(Instant.now(), List.of());
		long id = first.get("id").asLong();
		assertThatThrownBy(() -> jdbc.sql("UPDATE zones_notice SET title = '改过的标题' WHERE id = :id").param("id", id).update())
			.isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM zones_notice WHERE id = :id").param("id", id).update())
			.isInstanceOf(DataAccessException.class);
		assertThat(api().as("commander").put("/api/v1/notices/" + id, Map.of("title", "x")).status()).isIn(404, 405);

		Response taken = api().as("commander").post("/api/v1/notices", Map.of("number", first.get("number").asInt(),
				"title", "重号", "text", "正文"));
		assertThat(taken.status()).as(taken.body()).isEqualTo(409);
		assertThat(taken.json().get("type").asString()).endsWith("/notice-number-taken");

		Response correction = api().as("commander").post("/api/v1/notices", Map.of("title", "关于延长管控期限的通告",
				"text", "延长三天", "replaces", id, "effectiveUntil", Instant.now().plus(Duration.ofDays(3)).toString()));
		assertThat(correction.status()).as(correction.body()).isEqualTo(201);
		JsonNode replaced = api().as("commander").get("/api/v1/notices/" + id).json();
		assertThat(replaced.get("status").asString()).isEqualTo("REPLACED");
		assertThat(replaced.get("replacedBy").asLong()).isEqualTo(correction.json().get("id").asLong());
		assertThat(replaced.get("title").asString()).isEqualTo(first.get("title").asString());
		assertThat(correction.json().get("replacesNumber").asInt()).isEqualTo(first.get("number").asInt());
	}

	@Test
	void aZoneIsLiftedInOneStepOnItsSeventhCleanDayNotItsSixthAndNoFurtherThanItsRulesSay() {
		fixture.rule("LOCKDOWN", 1, 7, null, "CONTROL", daysAgo(8));
		fixture.rule("CONTROL", 10, 3, null, "PREVENTION", daysAgo(8));
		fixture.notice(daysAgo(6), List.of(zone(fixture.compound, List.of("1"), "LOCKDOWN")));
		fixture.notice(daysAgo(7), List.of(zone(fixture.compound, List.of("2"), "LOCKDOWN")));
		long sixth = fixture.zoneOn(fixture.compound, List.of("1")).get("id").asLong();
		long seventh = fixture.zoneOn(fixture.compound, List.of("2")).get("id").asLong();

		JsonNode daySix = fixture.boardRow(sixth);
		assertThat(daySix.get("daysClean").asInt()).isEqualTo(6);
		assertThat(daySix.get("eligible").asBoolean()).isFalse();
		JsonNode daySeven = fixture.boardRow(seventh);
		assertThat(daySeven.get("daysClean").asInt()).isEqualTo(7);
		assertThat(daySeven.get("eligible").asBoolean()).isTrue();
		assertThat(daySeven.get("earliestLift").asString()).isEqualTo(LocalDate.now(clock).toString());

		Response early = api().as("commander").post("/api/v1/zones/" + sixth + "/lift", Map.of("to", "CONTROL"));
		assertThat(early.status()).as(early.body()).isEqualTo(409);
		assertThat(early.json().get("type").asString()).endsWith("/zone-not-eligible");
		Response tooFar = api().as("commander").post("/api/v1/zones/" + seventh + "/lift", Map.of("to", "NONE"));
		assertThat(tooFar.status()).as(tooFar.body()).isEqualTo(400);
		assertThat(tooFar.json().get("errors").get(0).get("field").asString()).isEqualTo("to");

		long auditBefore = jdbc.sql("SELECT count(*) FROM audit_entry WHERE action IN ('ZONE_LIFT', 'ZONE_SET', 'NOTICE_PUBLISH')")
			.query(Long.class).single();
		Response lifted = api().as("commander").post("/api/v1/zones/" + seventh + "/lift", Map.of("to", "CONTROL"));
		assertThat(lifted.status()).as(lifted.body()).isEqualTo(200);
		JsonNode next = lifted.json().get("next");
		assertThat(next.get("level").asString()).isEqualTo("CONTROL");
		assertThat(next.get("previousId").asLong()).isEqualTo(seventh);
		assertThat(lifted.json().get("ended").get("until").isNull()).isFalse();
		JsonNode notice = api().as("commander").get("/api/v1/notices/" + lifted.json().get("noticeId").asLong()).json();
		assertThat(notice.get("title").asString()).contains("封控区").contains("管控区");
		assertThat(notice.get("measures")).anySatisfy(m -> {
			assertThat(m.get("zoneId").asLong()).isEqualTo(next.get("id").asLong());
			assertThat(m.get("level").asString()).isEqualTo("CONTROL");
			assertThat(m.get("from").asString()).isEqualTo("LOCKDOWN");
		});
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action IN ('ZONE_LIFT', 'ZONE_SET', 'NOTICE_PUBLISH')")
			.query(Long.class).single()).isEqualTo(auditBefore + 3);
		Response again = api().as("commander").post("/api/v1/zones/" + seventh + "/lift", Map.of("to", "CONTROL"));
		assertThat(again.status()).isEqualTo(409);
	}

	@Test
	void aCommunityWorkerSeesTheZonesOfTheirCommunityAndAboveButNoOtherCommunitysAndChangesNone() {
		fixture.rule("PREVENTION", 20, 14, null, "NONE", daysAgo(3));
		fixture.rule("CONTROL", 10, 7, null, "PREVENTION", daysAgo(3));
		ZonesFixture other = new ZonesFixture(api());
		fixture.notice(daysAgo(2), List.of(zone(fixture.subdistrict, List.of(), "PREVENTION"),
				zone(fixture.compound, List.of(), "CONTROL")));
		other.notice(daysAgo(2), List.of(zone(other.compound, List.of(), "CONTROL")));

		var worker = fixture.communityWorker();
		Response zones = worker.get("/api/v1/zones");
		assertThat(zones.status()).as(zones.body()).isEqualTo(200);
		assertThat(zones.json()).extracting(z -> z.get("area").asString())
			.contains(fixture.subdistrict, fixture.compound)
			.doesNotContain(other.compound);
		assertThat(worker.get("/api/v1/zones?area=" + other.community).status()).isEqualTo(404);
		assertThat(worker.get("/api/v1/zones/" + other.zoneOn(other.compound, List.of()).get("id").asLong()).status())
			.isEqualTo(404);
		assertThat(worker.get("/api/v1/zones/board").json()).extracting(r -> r.get("zone").get("area").asString())
			.contains(fixture.compound).doesNotContain(other.compound);
		Map<String, Long> before = rowCounts();
		assertThat(worker.post("/api/v1/zones", Map.of("area", fixture.compound, "level", "LOCKDOWN")).status())
			.isEqualTo(403);
		assertThat(worker.post("/api/v1/notices", Map.of("title", "越权", "text", "越权")).status()).isEqualTo(403);
		assertThat(rowCounts()).isEqualTo(before);
	}

	@Test
	void thePublicPageOfACompoundShowsItsLevelRulesAndEarliestLiftingDateAndNoPersonalData() {
		fixture.rule("LOCKDOWN", 1, 7, 1, "CONTROL", daysAgo(4));
		fixture.rule("CONTROL", 10, 7, null, "PREVENTION", daysAgo(4));
		long resident = fixture.resident(fixture.compound, "3");
		String name = jdbc.sql("SELECT name || '/' || id_number || '/' || phone FROM people_person WHERE id = :id")
			.param("id", resident).query(String.class).single();
		JsonNode notice = fixture.notice(daysAgo(3), List.of(zone(fixture.community, List.of(), "CONTROL"),
				zone(fixture.compound, List.of("3"), "LOCKDOWN")));

		Response page = api().anonymous().get("/public/zones?area=" + fixture.compound);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("管控区", "封控区", "3幢", "单人单管", "测试管控要求",
				LocalDate.now(clock).minusDays(3).plusDays(7).toString());
		for (String part : name.split("/")) {
			assertThat(page.body()).doesNotContain(part);
		}
		Response notices = api().anonymous().get("/public/notices");
		assertThat(notices.status()).isEqualTo(200);
		assertThat(notices.body()).contains(notice.get("title").asString());
		Response one = api().anonymous().get("/public/notices/" + notice.get("id").asLong());
		assertThat(one.body()).contains("通告正文", "3幢");
	}

	@Test
	void aZoneNeedsALevelsRulesAnAreaOfTheRightKindAndBuildingsOnlyOfACompound() {
		Response district = api().as("commander").post("/api/v1/zones", Map.of("area", "320602", "level", "CONTROL"));
		assertThat(district.status()).isEqualTo(400);
		assertThat(district.json().get("errors").get(0).get("field").asString()).isEqualTo("area");
		Response buildings = api().as("commander").post("/api/v1/zones",
				Map.of("area", fixture.community, "buildings", List.of("3"), "level", "CONTROL"));
		assertThat(buildings.status()).isEqualTo(400);
		assertThat(buildings.json().get("errors").get(0).get("field").asString()).isEqualTo("buildings");
		Response badLevel = api().as("commander").post("/api/v1/zones", Map.of("area", fixture.compound, "level", "RED"));
		assertThat(badLevel.status()).isEqualTo(400);
		Response badRule = api().as("commander").post("/api/v1/zone-rules/CONTROL", Map.of("poolSize", 7,
				"testEveryDays", 1, "doorToDoor", false, "movement", "x", "cleanDays", 7, "liftTo", "CONTROL"));
		assertThat(badRule.status()).isEqualTo(400);
		assertThat(badRule.json().get("errors")).extracting(e -> e.get("field").asString())
			.containsExactlyInAnyOrder("poolSize", "liftTo");
	}
}
