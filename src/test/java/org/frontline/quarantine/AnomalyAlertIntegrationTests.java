package org.frontline.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.frontline.shared.AlertCleared;
import org.frontline.shared.AlertRaised;
import org.frontline.shared.AlertSeverity;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.support.IntegrationTest;
import org.frontline.support.SignedIn;
import org.frontline.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

/** An anomaly raises the command centre's alert, in the transaction that opens it; acknowledging it clears the alert. */
@EnableScenarios
class AnomalyAlertIntegrationTests extends IntegrationTest {

	private static final Viewer STAFF = new Viewer(0, "facility-staff", Set.of(Role.ADMIN, Role.FACILITY_STAFF), "320602");

	@Autowired
	private Intakes intakes;

	@Autowired
	private Observations observations;

	@Autowired
	private Anomalies anomalies;

	@Test
	void aFeverRaisesAnUrgentAlertForTheFacilitysAreaAndAcknowledgingItClearsIt(Scenario scenario) {
		long facility = jdbc.sql("""
				SELECT facility_id FROM quarantine_room WHERE status = 'AVAILABLE'
				GROUP BY facility_id ORDER BY count(*) DESC, facility_id LIMIT 1""").query(Long.class).single();
		Stay stay = SignedIn.as(STAFF, () -> intakes.intake(facility, new Intake(null, "发热测试", TestData.phone(),
				"CLOSE_CONTACT", null, List.of(), null, null, null, null)));

		scenario.stimulate(() -> SignedIn.as(STAFF, () -> observations.record(stay.id(),
				new ObservationForm(null, new BigDecimal("38.2"), List.of(), null, false, null, null, null))))
			.andWaitForEventOfType(AlertRaised.class)
			.matching(alert -> alert.source().equals("quarantine"))
			.toArriveAndVerify((alert, observation) -> {
				assertThat(alert.key()).isEqualTo("anomaly-" + observation.anomalyId());
				assertThat(alert.severity()).isEqualTo(AlertSeverity.URGENT);
				assertThat(alert.area()).startsWith("320602");
				assertThat(alert.titleKey()).isEqualTo("quarantine.alert.anomaly-opened");
				assertThat(alert.args()).contains(stay.room());
				assertThat(alert.deadline()).isAfter(alert.at());
			});

		long anomaly = jdbc.sql("SELECT id FROM quarantine_anomaly WHERE stay_id = :s").param("s", stay.id())
			.query(Long.class).single();
		scenario.stimulate(() -> SignedIn.as(STAFF, () -> anomalies.acknowledge(anomaly, "医生已到房间")))
			.andWaitForEventOfType(AlertCleared.class)
			.matchingMappedValue(AlertCleared::key, "anomaly-" + anomaly)
			.toArrive();
	}
}
