package org.frontline.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frontline.command.CommandFixture.BILINWAN;
import static org.frontline.command.CommandFixture.CHENYUAN;
import static org.frontline.command.CommandFixture.SUBDISTRICT;
import static org.frontline.command.CommandFixture.await;
import static org.frontline.command.CommandFixture.unique;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.frontline.shared.AlertCleared;
import org.frontline.shared.AlertRaised;
import org.frontline.shared.AlertSeverity;
import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

class AlertsIntegrationTests extends IntegrationTest {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Alerts alerts;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private long raise(String key, String area, Instant deadline) {
		transactions.executeWithoutResult(tx -> events.publishEvent(new AlertRaised("test", key, AlertSeverity.URGENT,
				area, "command.alert.title", List.of("x"), "/quarantine", deadline, clock.instant())));
		await(() -> id(key) != null);
		return id(key);
	}

	private Long id(String key) {
		return jdbc.sql("SELECT id FROM command_alert WHERE source = 'test' AND key = :k").param("k", key)
			.query(Long.class).optional().orElse(null);
	}

	private String status(long id) {
		return api().as("commander").get("/api/v1/alerts/" + id).json().get("alert").get("status").asString();
	}

	@Test
	void everyRaisedAlertIsKeptOncePerSourceAndKeyAndItsHistoryShowsEachStep() {
		String key = unique("k");
		long id = raise(key, BILINWAN, clock.instant().plus(Duration.ofHours(1)));
		transactions.executeWithoutResult(tx -> events.publishEvent(new AlertRaised("test", key, AlertSeverity.WARNING,
				BILINWAN, "command.alert.title", List.of("y"), "/quarantine", null, clock.instant())));
		await(() -> jdbc.sql("SELECT severity FROM command_alert WHERE id = :id").param("id", id).query(String.class)
			.single().equals("WARNING"));
		assertThat(jdbc.sql("SELECT count(*) FROM command_alert WHERE source = 'test' AND key = :k").param("k", key)
			.query(Long.class).single()).isEqualTo(1);

		var commander = api().as("commander");
		Response acknowledged = commander.post("/api/v1/alerts/" + id + "/acknowledge", Map.of("note", "收到"));
		assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
		assertThat(acknowledged.json().get("status").asString()).isEqualTo("ACKNOWLEDGED");
		assertThat(acknowledged.json().get("acknowledgedBy").asString()).isEqualTo("commander");
		Response assigned = commander.post("/api/v1/alerts/" + id + "/assign", Map.of("assignee", "community"));
		assertThat(assigned.json().get("assignee").asString()).isEqualTo("community");
		assertThat(commander.post("/api/v1/alerts/" + id + "/comment", Map.of("note", "已联系社区")).status()).isEqualTo(200);
		Response closed = commander.post("/api/v1/alerts/" + id + "/close", Map.of("note", "已处理"));
		assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
		Response again = commander.post("/api/v1/alerts/" + id + "/acknowledge", null);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("type").asString()).endsWith("alert-closed");

		JsonNode history = commander.get("/api/v1/alerts/" + id).json().get("history");
		assertThat(history.valueStream().map(e -> e.get("kind").asString()).toList())
			.containsExactly("RAISED", "RAISED_AGAIN", "ACKNOWLEDGED", "ASSIGNED", "COMMENTED", "CLOSED");
		assertThat(history.get(4).get("note").asString()).isEqualTo("已联系社区");

		transactions.executeWithoutResult(tx -> events.publishEvent(new AlertRaised("test", key, AlertSeverity.URGENT,
				BILINWAN, "command.alert.title", List.of("z"), "/quarantine", null, clock.instant())));
		await(() -> "OPEN".equals(status(id)));
		transactions.executeWithoutResult(tx -> events.publishEvent(new AlertCleared("test", key, clock.instant())));
		await(() -> "CLOSED".equals(status(id)));
		JsonNode after = commander.get("/api/v1/alerts/" + id).json().get("history");
		assertThat(after.get(after.size() - 2).get("kind").asString()).isEqualTo("REOPENED");
		assertThat(after.get(after.size() - 1).get("kind").asString()).isEqualTo("CLEARED");
	}

	@Test
	void anAlertNobodyAcknowledgesEscalatesOneLevelUpEachTimeItsDeadlinePasses() {
		String key = unique("late");
		long id = raise(key, BILINWAN, clock.instant().plus(Duration.ofMinutes(15)));
		long acknowledgedKey = raise(unique("seen"), BILINWAN, clock.instant().plus(Duration.ofMinutes(15)));
		api().as("commander").post("/api/v1/alerts/" + acknowledgedKey + "/acknowledge", null);

		clock.advance(Duration.ofMinutes(14));
		alerts.escalateOverdue();
		assertThat(area(id)).isEqualTo(BILINWAN);

		clock.advance(Duration.ofMinutes(2));
		alerts.escalateOverdue();
		assertThat(area(id)).isEqualTo(SUBDISTRICT);
		assertThat(area(acknowledgedKey)).isEqualTo(BILINWAN);

		clock.advance(Duration.ofMinutes(61));
		alerts.escalateOverdue();
		assertThat(area(id)).isEqualTo(CommandFixture.DISTRICT);
		JsonNode alert = api().as("commander").get("/api/v1/alerts/" + id).json();
		assertThat(alert.get("alert").get("level").asInt()).isEqualTo(2);
		assertThat(alert.get("history").valueStream().filter(e -> e.get("kind").asString().equals("ESCALATED")).count())
			.isEqualTo(2);
	}

	private String area(long id) {
		return jdbc.sql("SELECT area FROM command_alert WHERE id = :id").param("id", id).query(String.class).single();
	}

	@Test
	void aCommunitySeesItsOwnAlertsOnlyUntilTheyEscalateAndTheSubdistrictThenOwnsThem() {
		String key = unique("scope");
		long id = raise(key, BILINWAN, clock.instant().plus(Duration.ofMinutes(5)));
		String bilinwan = CommandFixture.user(api(), "COMMUNITY_WORKER", BILINWAN);
		String chenyuan = CommandFixture.user(api(), "COMMUNITY_WORKER", CHENYUAN);
		String other = CommandFixture.user(api(), "COMMANDER", CommandFixture.OTHER_SUBDISTRICT);

		assertThat(CommandFixture.as(api(), bilinwan).get("/api/v1/alerts/" + id).status()).isEqualTo(200);
		assertThat(CommandFixture.as(api(), chenyuan).get("/api/v1/alerts/" + id).status()).isEqualTo(404);
		assertThat(CommandFixture.as(api(), chenyuan).post("/api/v1/alerts/" + id + "/close", null).status())
			.isEqualTo(404);
		assertThat(CommandFixture.as(api(), other).get("/api/v1/alerts").json().valueStream()
			.map(a -> a.get("id").asLong())).doesNotContain(id);
		assertThat(CommandFixture.as(api(), chenyuan).get("/api/v1/alerts?area=" + BILINWAN).status()).isEqualTo(404);

		clock.advance(Duration.ofMinutes(6));
		alerts.escalateOverdue();
		String subdistrict = CommandFixture.user(api(), "COMMANDER", SUBDISTRICT);
		assertThat(CommandFixture.as(api(), subdistrict).get("/api/v1/alerts?status=OPEN").json().valueStream()
			.map(a -> a.get("id").asLong())).contains(id);
		assertThat(CommandFixture.as(api(), bilinwan).get("/api/v1/alerts/" + id).status()).isEqualTo(200);
		assertThat(CommandFixture.as(api(), bilinwan).get("/api/v1/alerts?status=BOGUS")
			.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
	}
}
