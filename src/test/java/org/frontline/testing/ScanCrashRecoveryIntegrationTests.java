package org.frontline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.frontline.database.EmbeddedDatabase;
import org.frontline.support.AppProcess;
import org.frontline.support.IntegrationTest;
import org.frontline.support.ScanDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Devices scanning through a crash: Frontline is killed with SIGKILL in the middle of the load and started again, then
 * its PostgreSQL server is restarted under load. The devices resend whatever was not acknowledged; in the end every
 * event is stored exactly once and tubes and counts match the events.
 */
class ScanCrashRecoveryIntegrationTests {

	private static final int DEVICES = 8;

	private static final int PEOPLE_PER_DEVICE = 150;

	@TempDir
	Path dir;

	@Test
	void everyEventIsStoredExactlyOnceThroughAKilledApplicationAndARestartedDatabase() throws Exception {
		AtomicReference<EmbeddedDatabase> database = new AtomicReference<>(EmbeddedDatabase.start(dir.resolve("db"), 0));
		int dbPort = database.get().port();
		JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(database.get().jdbcUrl()));
		try (AppProcess app = new AppProcess(dir.resolve("app.log"),
				"--frontline.db.url=jdbc:postgresql://localhost:" + dbPort + "/postgres", "--frontline.db.user=postgres",
				"--frontline.db.password=", "--frontline.demo.enabled=true", "--frontline.demo.day=false",
				"--frontline.demo.residents=" + (DEVICES * PEOPLE_PER_DEVICE + 200),
				"--frontline.demo.password=" + IntegrationTest.DEMO_PASSWORD, "--logging.level.root=WARN")) {
			app.start();
			String token = app.api().as("admin").token();
			long roundId = jdbc.sql("SELECT id FROM testing_round ORDER BY id LIMIT 1").query(Long.class).single();
			long siteId = jdbc.sql("SELECT id FROM testing_site ORDER BY id LIMIT 1").query(Long.class).single();
			List<String> idNumbers = jdbc.sql("""
					SELECT id_number FROM people_person p
					WHERE id_type = 'RESIDENT_ID' AND NOT EXISTS (SELECT 1 FROM testing_sample s WHERE s.person_id = p.id)
					  -- people of the demo's lockdown zones go to single tubes, not the devices' tubes of 10
					  AND NOT EXISTS (SELECT 1 FROM zones_zone_period z
					                  WHERE p.area_code LIKE z.area_code || '%' AND z.pool_size < 10)
					ORDER BY id LIMIT :n
					""").param("n", DEVICES * PEOPLE_PER_DEVICE).query(String.class).list();
			assertThat(idNumbers).hasSize(DEVICES * PEOPLE_PER_DEVICE);

			String run = "C" + Long.toString(System.nanoTime() % 100_000, 36).toUpperCase();
			List<ScanDevice> devices = new ArrayList<>();
			List<Thread> threads = new ArrayList<>();
			for (int d = 0; d < DEVICES; d++) {
				ScanDevice device = new ScanDevice(run + "D" + d, app::port, token, roundId, siteId,
						idNumbers.subList(d * PEOPLE_PER_DEVICE, (d + 1) * PEOPLE_PER_DEVICE), 10);
				devices.add(device);
				threads.add(new Thread(device, "device-" + d));
			}
			threads.forEach(Thread::start);
			int total = DEVICES * (PEOPLE_PER_DEVICE + PEOPLE_PER_DEVICE / 10);

			awaitAcknowledged(devices, total / 3);
			app.kill();
			Thread.sleep(1000);
			app.start();

			awaitAcknowledged(devices, 2 * total / 3);
			database.get().close();
			Thread.sleep(2000);
			database.set(EmbeddedDatabase.start(dir.resolve("db"), dbPort));

			for (Thread thread : threads) {
				thread.join(240_000);
				assertThat(thread.isAlive()).as(thread.getName() + " finished").isFalse();
			}

			Set<String> sent = new HashSet<>();
			devices.forEach(d -> sent.addAll(d.sent.keySet()));
			assertThat(sent).hasSize(total);
			assertThat(devices.stream().mapToInt(d -> d.acknowledged.size()).sum()).isEqualTo(total);
			assertThat(devices.stream().mapToInt(d -> d.failedAttempts).sum())
				.as("some batches had to be resent").isPositive();
			devices.forEach(d -> d.answers.values().forEach(answer -> assertThat(answer).matches("ACCEPTED|DUPLICATE( ACCEPTED)?")));

			long duplicates = devices.stream().flatMap(d -> d.answers.values().stream()).filter(a -> a.startsWith("DUPLICATE")).count();
			System.out.printf("crash-recovery: %d events from %d devices, %d batch attempts failed and were resent, "
					+ "%d events answered DUPLICATE on resend (stored before the crash, acknowledgement lost)%n", total,
					DEVICES, devices.stream().mapToInt(d -> d.failedAttempts).sum(), duplicates);
			List<String> ids = new ArrayList<>(sent);
			assertThat(jdbc.sql("SELECT count(*) FROM testing_scan_event WHERE event_id::text IN (:ids)")
				.param("ids", ids).query(Long.class).single()).isEqualTo(total);
			assertThat(jdbc.sql("SELECT count(*) FROM testing_scan_event WHERE event_id::text IN (:ids) AND status <> 'ACCEPTED'")
				.param("ids", ids).query(Long.class).single()).isZero();
			assertThat(jdbc.sql("""
					SELECT count(*) FROM testing_sample s JOIN testing_tube t ON t.id = s.tube_id
					WHERE t.code LIKE :run AND s.removed_at IS NULL
					""").param("run", run + "%").query(Long.class).single()).isEqualTo(DEVICES * PEOPLE_PER_DEVICE);
			assertThat(jdbc.sql("""
					SELECT count(*) FROM testing_sample s JOIN testing_tube t ON t.id = s.tube_id
					WHERE t.code LIKE :run GROUP BY s.person_id HAVING count(*) > 1
					""").param("run", run + "%").query(Long.class).list()).isEmpty();
			assertThat(jdbc.sql("""
					SELECT count(*) FROM testing_tube t
					WHERE t.code LIKE :run AND t.samples = 10 AND t.status = 'SEALED'
					  AND t.samples = (SELECT count(*) FROM testing_sample s WHERE s.tube_id = t.id AND s.removed_at IS NULL)
					""").param("run", run + "%").query(Long.class).single()).isEqualTo(DEVICES * PEOPLE_PER_DEVICE / 10);
		}
		finally {
			database.get().close();
		}
	}

	private static void awaitAcknowledged(List<ScanDevice> devices, int count) throws InterruptedException {
		long deadline = System.nanoTime() + 180_000_000_000L;
		while (devices.stream().mapToInt(d -> d.acknowledged.size()).sum() < count) {
			assertThat(System.nanoTime()).as("devices make progress").isLessThan(deadline);
			Thread.sleep(20);
		}
	}
}
