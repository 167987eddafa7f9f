package org.frontline.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.frontline.FrontlineApplication;
import org.frontline.support.Api;
import org.frontline.support.IntegrationTest;
import org.frontline.support.PatroniCluster;
import org.frontline.support.ScanDevice;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Frontline on the smallest Patroni cluster (one etcd member, a primary and its synchronous standby, Debian's
 * PostgreSQL 15) through a multi-host URL: the primary node is killed (Patroni and PostgreSQL, SIGKILL) under a load
 * of scanning devices; the standby is promoted, the old primary is started again and rejoins as the standby through
 * pg_rewind, scanning resumes by itself, and every event the devices sent is stored exactly once. Then a backup taken
 * from the standby restores into a new database. Runs in the Maven profile {@code ha} (README).
 */
@Tag("patroni")
class PatroniFailoverIntegrationTests {

	private static final int DEVICES = 6;

	private static final int PEOPLE_PER_DEVICE = 120;

	@TempDir
	Path dir;

	@Test
	void aKilledPrimaryIsReplacedAndRejoinsWhileEveryScanIsStoredExactlyOnce() throws Exception {
		try (PatroniCluster cluster = PatroniCluster.up(dir, 2, 1, PatroniCluster.freePortBase());
				ConfigurableApplicationContext app = new SpringApplicationBuilder(FrontlineApplication.class).run(
						"--frontline.db.url=" + cluster.url(), "--frontline.db.user=" + PatroniCluster.APP_USER,
						"--frontline.db.password=" + PatroniCluster.APP_PASSWORD, "--frontline.demo.enabled=true", "--frontline.demo.day=false",
						"--frontline.demo.residents=" + (DEVICES * PEOPLE_PER_DEVICE + 200),
						"--frontline.demo.password=" + IntegrationTest.DEMO_PASSWORD, "--frontline.scans.answer-ms=10000",
						"--server.port=0", "--logging.level.root=WARN")) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			String token = new Api(port).as("admin").token();
			JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(cluster.url(), PatroniCluster.APP_USER,
					PatroniCluster.APP_PASSWORD));
			long roundId = jdbc.sql("SELECT id FROM testing_round ORDER BY id LIMIT 1").query(Long.class).single();
			long siteId = jdbc.sql("SELECT id FROM testing_site ORDER BY id LIMIT 1").query(Long.class).single();
			List<String> idNumbers = jdbc.sql("""
					SELECT id_number FROM people_person p
					WHERE id_type = 'RESIDENT_ID' AND NOT EXISTS (SELECT 1 FROM testing_sample s WHERE s.person_id = p.id)
					ORDER BY id LIMIT :n
					""").param("n", DEVICES * PEOPLE_PER_DEVICE).query(String.class).list();
			String run = "HA" + Long.toString(System.nanoTime() % 100_000, 36).toUpperCase();
			List<ScanDevice> devices = new ArrayList<>();
			List<Thread> threads = new ArrayList<>();
			for (int d = 0; d < DEVICES; d++) {
				ScanDevice device = new ScanDevice(run + "D" + d, () -> port, token, roundId, siteId,
						idNumbers.subList(d * PEOPLE_PER_DEVICE, (d + 1) * PEOPLE_PER_DEVICE), 5);
				devices.add(device);
				threads.add(new Thread(device, "device-" + d));
			}
			int total = DEVICES * (PEOPLE_PER_DEVICE + PEOPLE_PER_DEVICE / 10);
			int primary = cluster.leader();
			assertThat(cluster.synchronousStandby()).isEqualTo(1 - primary);
			threads.forEach(Thread::start);

			awaitAcknowledged(devices, total / 3);
			int before = acknowledged(devices);
			long killed = System.nanoTime();
			cluster.killNode(primary);
			awaitLeader(cluster, 1 - primary);
			double promoted = (System.nanoTime() - killed) / 1e9;
			// Strict synchronous mode: the new primary acknowledges nothing until a standby is back; the old primary's
			// supervisor starts it again, and Patroni rewinds it to follow the new timeline.
			cluster.startNode(primary);
			while (acknowledged(devices) == before) {
				assertThat(System.nanoTime() - killed).as("scans acknowledged again").isLessThan(180_000_000_000L);
				Thread.sleep(50);
			}
			double resumed = (System.nanoTime() - killed) / 1e9;

			for (Thread thread : threads) {
				thread.join(240_000);
				assertThat(thread.isAlive()).as(thread.getName() + " finished").isFalse();
			}
			cluster.waitHealthy(120);
			assertThat(cluster.leader()).isEqualTo(1 - primary);
			assertThat(cluster.synchronousStandby()).as("the old primary is the standby again").isEqualTo(primary);
			assertThat(cluster.log(primary)).contains("pg_rewind");

			Set<String> sent = new HashSet<>();
			devices.forEach(d -> sent.addAll(d.sent.keySet()));
			Set<String> acknowledged = new HashSet<>();
			devices.forEach(d -> acknowledged.addAll(d.acknowledged));
			assertThat(sent).hasSize(total);
			assertThat(acknowledged).isEqualTo(sent);
			devices.forEach(d -> d.answers.values()
				.forEach(answer -> assertThat(answer).matches("ACCEPTED|DUPLICATE( ACCEPTED)?")));
			List<String> ids = new ArrayList<>(acknowledged);
			assertThat(jdbc.sql("SELECT count(DISTINCT event_id) FROM testing_scan_event WHERE event_id::text IN (:ids)")
				.param("ids", ids).query(Long.class).single()).as("every acknowledged event is stored").isEqualTo(total);
			assertThat(jdbc.sql("SELECT count(*) FROM testing_scan_event WHERE event_id::text IN (:ids)")
				.param("ids", ids).query(Long.class).single()).as("and stored once").isEqualTo(total);
			assertThat(jdbc.sql("""
					SELECT count(*) FROM testing_sample s JOIN testing_tube t ON t.id = s.tube_id
					WHERE t.code LIKE :run AND s.removed_at IS NULL
					""").param("run", run + "%").query(Long.class).single()).isEqualTo(DEVICES * PEOPLE_PER_DEVICE);
			assertThat(jdbc.sql("""
					SELECT count(*) FROM testing_tube t
					WHERE t.code LIKE :run AND t.status = 'SEALED'
					  AND t.samples = (SELECT count(*) FROM testing_sample s WHERE s.tube_id = t.id AND s.removed_at IS NULL)
					""").param("run", run + "%").query(Long.class).single()).isEqualTo(DEVICES * PEOPLE_PER_DEVICE / 10);
			System.out.printf("patroni failover: node%d killed; node%d promoted after %.1f s; scans acknowledged again "
					+ "%.1f s after the kill; %d events, %d attempts resent%n", primary, 1 - primary, promoted, resumed,
					total, devices.stream().mapToInt(d -> d.failedAttempts).sum());

			backupFromTheStandbyRestores(cluster, primary, jdbc);
		}
	}

	/** The backup command's code reads a consistent snapshot on the standby; it restores into an empty database. */
	private void backupFromTheStandbyRestores(PatroniCluster cluster, int standby, JdbcClient primary) throws Exception {
		String standbyUrl = cluster.nodeUrl(standby);
		Path backup = dir.resolve("frontline.backup");
		Map<String, Long> written = Backups.backup(new Backups.Target(standbyUrl, PatroniCluster.APP_USER,
				PatroniCluster.APP_PASSWORD), backup);
		assertThat(written.get("testing_scan_event")).isPositive();
		cluster.psql(1 - standby, "CREATE DATABASE restored OWNER frontline");
		String restoredUrl = cluster.url().replace("/frontline?", "/restored?");
		Map<String, Long> restored = Backups.restore(new Backups.Target(restoredUrl, PatroniCluster.APP_USER,
				PatroniCluster.APP_PASSWORD), backup);
		assertThat(restored).isEqualTo(written);
		assertThat(Files.size(backup)).isPositive();
	}

	private static void awaitLeader(PatroniCluster cluster, int node) throws InterruptedException {
		long deadline = System.nanoTime() + 120_000_000_000L;
		while (cluster.leader() != node) {
			assertThat(System.nanoTime()).as("node" + node + " promoted").isLessThan(deadline);
			Thread.sleep(200);
		}
	}

	private static int acknowledged(List<ScanDevice> devices) {
		return devices.stream().mapToInt(d -> d.acknowledged.size()).sum();
	}

	private static void awaitAcknowledged(List<ScanDevice> devices, int count) throws InterruptedException {
		long deadline = System.nanoTime() + 180_000_000_000L;
		while (acknowledged(devices) < count) {
			assertThat(System.nanoTime()).as("devices make progress").isLessThan(deadline);
			Thread.sleep(20);
		}
	}
}
