package org.frontline.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.frontline.people.ResolvedCode;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Workplace;
import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.frontline.testing.ScanEvent;
import org.frontline.testing.ScanEventType;
import org.frontline.testing.ScanResult;
import org.frontline.testing.internal.ScanCommitter.Pending;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The per-event path ({@link ScanRules}) and the group path ({@link BulkSampling}) are one rule set: generated
 * sequences of TUBE_OPENED and SAMPLED events, split into requests, sent by a site's registrar and now and then by a
 * stranger, with repeated event ids, people by code and by ID number (some outside the registrar's area, some with a
 * forged code, some with a fever at check-in), tubes of 1 and 10, times before the round began, get the same answers
 * and leave the same rows through both paths. Each path works in a round of its own on the same site and people.
 */
class ScanPathParityIntegrationTests extends IntegrationTest {

	private static final String BILINWAN = "320602001001";

	private static final AtomicInteger WORLDS = new AtomicInteger();

	@Autowired
	private ScanRules rules;

	@Autowired
	private BulkSampling bulk;

	@Autowired
	private PlatformTransactionManager transactionManager;

	private long site;

	private long foreignSite;

	private String foreignTube;

	private Viewer registrar;

	private Viewer stranger;

	/** People of the registrar's area: their codes and ID numbers; the last one lives in another community. */
	private final List<Long> people = new ArrayList<>();

	private final List<String> codes = new ArrayList<>();

	private final List<String> idNumbers = new ArrayList<>();

	@BeforeEach
	void setUp() {
		site = site(BILINWAN);
		foreignSite = site(BILINWAN);
		long otherSite = site(BILINWAN);
		registrar = new Viewer(0, "parity-registrar", Set.of(Role.REGISTRAR), BILINWAN, Map.of(Workplace.SITE, site));
		stranger = new Viewer(0, "parity-stranger", Set.of(Role.REGISTRAR), BILINWAN, Map.of(Workplace.SITE, otherSite));
		for (int i = 0; i < 7; i++) {
			person(i < 6 ? TestData.BILINWAN_COMPOUND : TestData.CHENYUAN_COMPOUND);
		}
		// A tube of another site and round: opening its code is TUBE_CODE_TAKEN, sampling into it FORBIDDEN.
		long foreignRound = round(clock.instant());
		foreignTube = "PF" + WORLDS.incrementAndGet() + "-" + System.nanoTime() % 1_000_000;
		Viewer foreignRegistrar = new Viewer(0, "parity-foreign", Set.of(Role.REGISTRAR), BILINWAN,
				Map.of(Workplace.SITE, foreignSite));
		Instant now = clock.instant();
		transactions().executeWithoutResult(status -> rules.apply(foreignRegistrar, "parity", event(ScanEventType.TUBE_OPENED,
				null, foreignRound, foreignSite, foreignTube, 10, null, null, false, null), now, Map.of()));
	}

	@Test
	void generatedSequencesGetTheSameAnswersAndRowsThroughBothPaths() {
		qt().withFixedSeed(20221206L)
			.withExamples(40)
			.withShrinkCycles(30)
			.forAll(lists().of(integers().between(0, Step.RANGE - 1)).ofSizeBetween(1, 24), integers().between(0, 127))
			.checkAssert((steps, fevers) -> {
				List<Step> sequence = steps.stream().map(Step::of).toList();
				Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
				World eventByEvent = run(sequence, fevers, now, false);
				World together = run(sequence, fevers, now, true);
				assertThat(together.answers).as("answers of %s", sequence).isEqualTo(eventByEvent.answers);
				assertThat(together.rows()).as("rows of %s", sequence).isEqualTo(eventByEvent.rows());
			});
	}

	/**
	 * One step of a sequence, decoded from a number so that shrinking the number simplifies the step: what it does
	 * (open a tube, sample a person, or send an earlier event again), which of four tubes (or the foreign one), which
	 * person (or a forged code), by code or ID number, confirmed as a re-sample, the pool size asked, who sends it,
	 * when it happened, and whether a new request starts after it.
	 */
	record Step(int kind, int tube, int person, boolean byIdNumber, boolean resample, Integer poolSize,
			boolean byStranger, int time, boolean endsRequest) {

		static final int RANGE = 8 * 5 * 8 * 2 * 3 * 4 * 10 * 6 * 3;

		static Step of(int value) {
			int v = value;
			int kind = v % 8;
			v /= 8;
			int tube = v % 5;
			v /= 5;
			int person = v % 8;
			v /= 8;
			boolean byId = v % 2 == 1;
			v /= 2;
			boolean resample = v % 3 == 2;
			v /= 3;
			Integer pool = switch (v % 4) {
				case 0 -> null;
				case 1, 2 -> 1;
				default -> 10;
			};
			v /= 4;
			boolean stranger = v % 10 == 9;
			v /= 10;
			int time = v % 6;
			v /= 6;
			return new Step(kind <= 1 ? 0 : kind <= 6 ? 1 : 2, tube, person, byId, resample, pool, stranger, time,
					v % 3 == 0);
		}
	}

	/** What one path answered and wrote, in its own round. */
	private final class World {

		final long round;

		final String prefix;

		final List<List<String>> answers = new ArrayList<>();

		final List<UUID> events = new ArrayList<>();

		World(long round, String prefix) {
			this.round = round;
			this.prefix = prefix;
		}

		/** The world's rows with its own names (round, tube prefix) taken out, so that two worlds compare. */
		Map<String, List<String>> rows() {
			Map<String, List<String>> rows = new HashMap<>();
			rows.put("tubes", jdbc.sql("""
					SELECT replace(code, :prefix, '') || ' ' || site_id || ' ' || pool_size || ' ' || samples || ' '
					       || status || ' ' || opened_at || ' ' || opened_by || ' ' || coalesce(sealed_at::text, '-')
					       || ' ' || coalesce(sealed_by, '-')
					FROM testing_tube WHERE code >= :prefix AND code < :after ORDER BY 1
					""").param("prefix", prefix).param("after", prefix.replace('-', '.')).query(String.class).list());
			rows.put("samples", jdbc.sql("""
					SELECT replace(t.code, :prefix, '') || ' ' || s.person_id || ' ' || s.resample || ' ' || s.sampled_at
					       || ' ' || s.sampled_by || ' ' || (s.removed_at IS NULL)
					FROM testing_sample s JOIN testing_tube t ON t.id = s.tube_id
					WHERE s.round_id = :round ORDER BY 1
					""").param("prefix", prefix).param("round", round).query(String.class).list());
			rows.put("scan log", jdbc.sql("""
					SELECT replace(device_id, :prefix, '') || ' ' || type || ' ' || username || ' ' || at || ' ' || status
					       || ' ' || coalesce(reason, '-') || ' ' || coalesce(replace(tube_code, :prefix, ''), '-')
					FROM testing_scan_event WHERE event_id = ANY(:ids::uuid[]) ORDER BY 1
					""").param("prefix", prefix).param("ids", events.toArray(UUID[]::new)).query(String.class).list());
			return rows;
		}
	}

	private World run(List<Step> sequence, int fevers, Instant now, boolean together) {
		World world = new World(round(now), "P" + WORLDS.incrementAndGet() + "-");
		List<String> fevered = new ArrayList<>();
		for (int i = 0; i < people.size(); i++) {
			if ((fevers & (1 << i)) != 0) {
				fevered.add(codes.get(i));
			}
		}
		transactions().executeWithoutResult(status -> {
			for (String code : fevered) {
				ScanEvent checkIn = new ScanEvent(UUID.randomUUID().toString(), ScanEventType.CHECKED_IN, null,
						world.round, site, null, null, code, null, null, new BigDecimal("38.2"), null, null, null, null);
				world.events.add(UUID.fromString(checkIn.eventId()));
				ScanResult answer = rules.apply(registrar, world.prefix + "fever", checkIn, now,
						rules.resolve(List.of(checkIn)));
				assertThat(answer.reason()).isEqualTo("FEVER");
			}
		});
		List<Pending> group = new ArrayList<>();
		List<ScanEvent> request = new ArrayList<>();
		List<ScanEvent> sent = new ArrayList<>();
		Viewer sender = null;
		for (int i = 0; i < sequence.size(); i++) {
			Step step = sequence.get(i);
			Viewer viewer = step.byStranger() ? stranger : registrar;
			if (sender != null && viewer != sender && !request.isEmpty()) {
				group.add(pending(sender, world.prefix + group.size(), request));
				request = new ArrayList<>();
			}
			sender = viewer;
			ScanEvent event = step.kind() == 2 && !sent.isEmpty() ? sent.get(step.tube() * 7 % sent.size())
					: event(world, step, now);
			sent.add(event);
			request.add(event);
			world.events.add(UUID.fromString(event.eventId()));
			if (step.endsRequest()) {
				group.add(pending(viewer, world.prefix + group.size(), request));
				request = new ArrayList<>();
			}
		}
		if (!request.isEmpty()) {
			group.add(pending(sender, world.prefix + group.size(), request));
		}
		List<List<ScanResult>> answers = transactions().execute(status -> {
			Map<String, ResolvedCode> resolved = rules.resolve(group.stream().flatMap(p -> p.events().stream()).toList());
			if (together) {
				try {
					List<List<ScanResult>> all = bulk.apply(group, resolved, now);
					assertThat(all).as("the group path takes every generated group").isNotNull();
					return all;
				}
				catch (java.sql.SQLException ex) {
					throw new IllegalStateException(ex);
				}
			}
			List<List<ScanResult>> all = new ArrayList<>();
			for (Pending pending : group) {
				List<ScanResult> results = new ArrayList<>();
				for (ScanEvent event : pending.events()) {
					results.add(rules.apply(pending.viewer(), pending.deviceId(), event, now, resolved));
				}
				all.add(results);
			}
			return all;
		});
		for (List<ScanResult> results : answers) {
			for (ScanResult result : results) {
				world.answers.add(java.util.Arrays.asList(result.status().name(), result.reason(),
						result.message() == null ? null : result.message().replace(world.prefix, ""), result.name(),
						String.valueOf(result.count()), String.valueOf(result.poolSize()),
						String.valueOf(result.tubeStatus())));
			}
		}
		return world;
	}

	private ScanEvent event(World world, Step step, Instant now) {
		String tube = step.tube() == 4 ? foreignTube : world.prefix + "T" + step.tube();
		String at = switch (step.time()) {
			case 4 -> now.minus(Duration.ofMinutes(1)).toString();
			case 5 -> now.minus(Duration.ofMinutes(90)).toString();
			default -> null;
		};
		if (step.kind() == 0) {
			return event(ScanEventType.TUBE_OPENED, at, world.round, site, tube, step.poolSize(), null, null, false,
					null);
		}
		// Person 6 shows a forged code; person 7 is the one who lives in another community.
		int person = step.person() == 7 ? 6 : step.person();
		String code = step.person() == 6 ? forged(codes.get(0)) : step.byIdNumber() ? null : codes.get(person);
		String idNumber = step.person() == 6 || !step.byIdNumber() ? null : idNumbers.get(person);
		return event(ScanEventType.SAMPLED, at, null, null, tube, null, code, idNumber, step.resample(), null);
	}

	private static ScanEvent event(ScanEventType type, String at, Long round, Long site, String tube, Integer poolSize,
			String personCode, String idNumber, boolean resample, BigDecimal temperature) {
		return new ScanEvent(UUID.randomUUID().toString(), type, at, round, site, tube, poolSize, personCode, idNumber,
				resample ? Boolean.TRUE : null, temperature, null, null, null, null);
	}

	private static Pending pending(Viewer viewer, String deviceId, List<ScanEvent> events) {
		Instant[] times = new Instant[events.size()];
		for (int i = 0; i < times.length; i++) {
			times[i] = events.get(i).at() == null ? null : Instant.parse(events.get(i).at());
		}
		return new Pending(viewer, deviceId, List.copyOf(events), times, new CompletableFuture<>());
	}

	private static String forged(String code) {
		int mac = code.lastIndexOf('.') + 1;
		return code.substring(0, mac) + (code.charAt(mac) == 'A' ? 'B' : 'A') + code.substring(mac + 1);
	}

	private TransactionTemplate transactions() {
		return new TransactionTemplate(transactionManager);
	}

	/** An open round that began an hour before {@code now}, pooling 10 by default. */
	private long round(Instant now) {
		Instant began = now.minus(Duration.ofHours(1));
		return jdbc.sql("""
				INSERT INTO testing_round (name, starts_at, ends_at, pool_size, status, opened_at)
				VALUES (:name, :began, :ends, 10, 'OPEN', :began) RETURNING id
				""")
			.param("name", "parity " + UUID.randomUUID())
			.param("began", java.sql.Timestamp.from(began))
			.param("ends", java.sql.Timestamp.from(began.plus(Duration.ofDays(1))))
			.query(Long.class)
			.single();
	}

	private long site(String area) {
		Response created = api().as("admin")
			.post("/api/v1/sites", Map.of("name", "对照采样点-" + UUID.randomUUID(), "kind", "FIXED", "area", area,
					"location", "广场", "stations", 2));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private void person(String compound) {
		String idNumber = TestData.residentId();
		Response created = api().as("admin")
			.post("/api/v1/people", Map.of("name", "钱小林", "idType", "RESIDENT_ID", "idNumber", idNumber, "phone",
					TestData.phone(), "area", compound, "address", Map.of("building", "1", "unit", "1", "room", "101"),
					"tags", List.of()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		Response code = api().as("admin").get("/api/v1/people/" + id + "/code");
		assertThat(code.status()).as(code.body()).isEqualTo(200);
		people.add(id);
		codes.add(code.json().get("payload").asString());
		idNumbers.add(idNumber);
	}
}
