package org.frontline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.frontline.shared.AlertRaised;
import org.frontline.shared.AlertSeverity;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Workplace;
import org.frontline.support.IntegrationTest;
import org.frontline.support.SignedIn;
import org.frontline.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

/** A positive pool is published for the modules that react to it, and raises one alert per community of its members. */
@EnableScenarios
class PoolAlertIntegrationTests extends IntegrationTest {

	@Autowired
	private Results results;

	@Test
	void aPositivePoolIsFlaggedAndAlertsEveryCommunityWithMembersInIt(Scenario scenario) {
		ResultsFixture fixture = new ResultsFixture(api(), 10);
		List<Long> bilinwan = fixture.people(TestData.BILINWAN_COMPOUND, 2);
		long chenyuan = fixture.testing.person(TestData.CHENYUAN_COMPOUND);
		String tube = fixture.tube(List.of(bilinwan.get(0), bilinwan.get(1), chenyuan), 10, true);
		Viewer lab = new Viewer(0, fixture.labUsername, Set.of(Role.LAB), "320602", Map.of(Workplace.LAB, fixture.lab));

		scenario.stimulate(() -> SignedIn.as(lab, () -> results.submit(new ResultBatch(List.of(new ResultItem(tube,
				"POSITIVE", new BigDecimal("31.2"), new BigDecimal("30.8"), Instant.now().minusSeconds(60).toString()))))))
			.andWaitForStateChange(() -> jdbc.sql("""
					SELECT count(*) FROM testing_task k JOIN testing_tube t ON t.id = k.source_tube_id WHERE t.code = :tube""")
				.param("tube", tube).query(Long.class).single(), tasks -> tasks == 3)
			.andVerifyEvents(events -> {
				assertThat(events).contains(PoolFlagged.class)
					.matching(flagged -> flagged.tubeCode().equals(tube) && flagged.outcome() == Outcome.POSITIVE
							&& flagged.personIds().containsAll(List.of(bilinwan.get(0), bilinwan.get(1), chenyuan)));
				List<AlertRaised> alerts = new java.util.ArrayList<>();
				events.ofType(AlertRaised.class).matching(alert -> alert.key().startsWith("pool-" + tube))
					.forEach(alerts::add);
				assertThat(alerts).extracting(AlertRaised::area).containsExactlyInAnyOrder("320602001001", "320602001002");
				assertThat(alerts).allSatisfy(alert -> {
					assertThat(alert.severity()).isEqualTo(AlertSeverity.URGENT);
					assertThat(alert.titleKey()).isEqualTo("testing.alert.positive-pool");
					assertThat(alert.args().get(0)).isEqualTo(tube);
				});
				assertThat(alerts).extracting(alert -> alert.args().get(1)).containsExactlyInAnyOrder("2", "1");
			});
	}
}
