package org.frontline.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.frontline.people.PersonForm;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.ViewerPrincipal;
import org.frontline.shared.Workplace;
import org.frontline.testing.Lab;
import org.frontline.testing.Outcome;
import org.frontline.testing.ResultAnswer;
import org.frontline.testing.ResultBatch;
import org.frontline.testing.ResultItem;
import org.frontline.testing.Round;
import org.frontline.testing.RoundStatus;
import org.frontline.testing.ScanBatch;
import org.frontline.testing.ScanEvent;
import org.frontline.testing.ScanEventType;
import org.frontline.testing.ScanResult;
import org.frontline.testing.Scans;
import org.frontline.testing.Site;
import org.frontline.testing.SiteKind;
import org.frontline.testing.Sites;
import org.frontline.testing.Rounds;
import org.frontline.testing.Results;
import org.frontline.testing.Tubes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The demo district in the middle of its day: the open round about two-thirds sampled at the fixed sites over the last
 * two hours, a queue still waiting at the square, a few fevers sampled alone, tubes boxed and on their way, most boxes
 * received and resulted, one positive pool with its retest tasks. Everything goes through the scan protocol and the
 * lab's result batches, as registrars and the lab would send it, so every rule and audit row applies. Loaded once.
 */
@Component
@Order(70)
class DemoDay implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDay.class);

	private static final int POOL = 10;

	private static final int TUBES_PER_BOX = 10;

	private static final Duration DAY_SO_FAR = Duration.ofMinutes(110);

	private final DemoProperties properties;

	private final Rounds rounds;

	private final Sites sites;

	private final Scans scans;

	private final Tubes tubes;

	private final Results results;

	private final Clock clock;

	DemoDay(DemoProperties properties, Rounds rounds, Sites sites, Scans scans, Tubes tubes, Results results,
			Clock clock) {
		this.properties = properties;
		this.rounds = rounds;
		this.sites = sites;
		this.scans = scans;
		this.tubes = tubes;
		this.results = results;
		this.clock = clock;
	}

	private record DemoPrincipal(Viewer viewer) implements ViewerPrincipal {
	}

	/** One person's visit: when they checked in and, unless still queueing, when they were sampled. */
	private record Visit(String idNumber, Instant checkedIn, Instant sampled, BigDecimal temperature) {
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.enabled() || !properties.day()) {
			return;
		}
		Viewer admin = new Viewer(0, "demo", Set.of(Role.ADMIN), DemoAreas.DISTRICT);
		as(admin, () -> {
			// The district's own round (other demos open rounds of their own, for a loop or a zone).
			Round round = rounds.list()
				.stream()
				.filter(r -> r.status() == RoundStatus.OPEN && r.areas().contains(DemoAreas.DISTRICT))
				.min(java.util.Comparator.comparingLong(Round::id))
				.orElse(null);
			List<Site> fixed = sites.list().stream().filter(s -> s.kind() == SiteKind.FIXED && s.open()).toList();
			List<Lab> labs = sites.labs();
			if (round == null || fixed.isEmpty() || labs.isEmpty() || played(fixed.get(0))) {
				return null;
			}
			long started = System.nanoTime();
			Played played = play(round, fixed, labs.get(0));
			log.info("Demo day played: {} people sampled at {} sites, {} tubes resulted, in {} ms", played.sampled(),
					fixed.size(), played.resulted(), (System.nanoTime() - started) / 1_000_000);
			return null;
		});
	}

	private boolean played(Site site) {
		try {
			tubes.tube(tubeCode(site, 1));
			return true;
		}
		catch (Problem notThere) {
			return false;
		}
	}

	private record Played(int sampled, int resulted) {
	}

	private Played play(Round round, List<Site> fixed, Lab lab) {
		Random random = new Random(properties.seed());
		Instant now = clock.instant();
		Map<Long, List<String>> people = new HashMap<>();
		ResidentGenerator generator = new ResidentGenerator(properties.seed(), DemoAreas.compounds());
		int residents = Math.max(0, Math.min(properties.residents(), 2_000_000));
		for (int i = 0; i < residents; i++) {
			PersonForm person = generator.next();
			if (random.nextInt(3) < 2) {
				people.computeIfAbsent(siteFor(person.area(), fixed).id(), k -> new ArrayList<>()).add(person.idNumber());
			}
		}
		Viewer registrar = new Viewer(0, "demo", Set.of(Role.ADMIN), DemoAreas.DISTRICT);
		List<List<ScanEvent>> registrarBatches = new ArrayList<>();
		List<ScanEvent> receipts = new ArrayList<>();
		List<ResultItem> resulted = new ArrayList<>();
		boolean positiveGiven = false;
		for (Site site : fixed) {
			List<String> queue = people.getOrDefault(site.id(), List.of());
			List<Visit> visits = visits(queue, now, random, site.stations());
			int tube = 0;
			int box = 0;
			for (int from = 0; from < visits.size(); from += POOL * TUBES_PER_BOX) {
				List<Visit> boxful = visits.subList(from, Math.min(visits.size(), from + POOL * TUBES_PER_BOX));
				box++;
				String boxCode = boxCode(site, box);
				List<ScanEvent> events = new ArrayList<>();
				List<String> boxed = new ArrayList<>();
				Instant last = boxful.get(0).checkedIn();
				for (int t = 0; t < boxful.size(); t += POOL) {
					List<Visit> group = boxful.subList(t, Math.min(boxful.size(), t + POOL));
					String code = tubeCode(site, ++tube);
					boolean opened = false;
					for (Visit visit : group) {
						events.add(event(ScanEventType.CHECKED_IN, visit.checkedIn(), round, site, null, null, visit, null));
						if (visit.sampled() == null) {
							continue;
						}
						if (visit.temperature() != null) {
							// A fever at check-in is sampled alone, in a tube of its own.
							String single = code + "-F" + group.indexOf(visit);
							events.add(event(ScanEventType.TUBE_OPENED, visit.sampled(), round, site, single, 1, null, null));
							events.add(event(ScanEventType.SAMPLED, visit.sampled(), round, site, single, null, visit, null));
							continue;
						}
						if (!opened) {
							events.add(event(ScanEventType.TUBE_OPENED, visit.sampled(), round, site, code, POOL, null, null));
							opened = true;
						}
						events.add(event(ScanEventType.SAMPLED, visit.sampled(), round, site, code, null, visit, null));
						last = visit.sampled();
					}
					// A tube without its fever case is sealed by hand once its group is through.
					boolean through = group.size() == POOL && group.stream().allMatch(v -> v.sampled() != null);
					if (opened && through) {
						Instant sealed = last.plusSeconds(20);
						events.add(event(ScanEventType.TUBE_SEALED, sealed, round, site, code, null, null, null));
						events.add(event(ScanEventType.BOXED, sealed.plusSeconds(30), round, site, code, null, null, boxCode));
						boxed.add(code);
					}
				}
				Instant dispatched = last.plus(Duration.ofMinutes(3));
				boolean dispatch = boxed.size() == TUBES_PER_BOX && dispatched.isBefore(now);
				if (dispatch) {
					events.add(new ScanEvent(id("dispatch", boxCode), ScanEventType.BOX_DISPATCHED, dispatched.toString(),
							null, null, null, null, null, null, null, null, boxCode, "顺丰冷链 王师傅", lab.id(), null));
				}
				registrarBatches.add(events);
				Instant received = dispatched.plus(Duration.ofMinutes(20));
				if (dispatch && received.isBefore(now.minus(Duration.ofMinutes(3)))) {
					receipts.add(new ScanEvent(id("receive", boxCode), ScanEventType.BOX_RECEIVED, received.toString(), null,
							null, null, null, null, null, null, null, boxCode, null, lab.id(), List.copyOf(boxed)));
					Instant tested = received.plus(Duration.ofMinutes(15));
					if (tested.isBefore(now)) {
						for (int i = 0; i < boxed.size(); i++) {
							boolean positive = !positiveGiven && i == 4;
							positiveGiven |= positive;
							resulted.add(positive
									? new ResultItem(boxed.get(i), Outcome.POSITIVE.name(), new BigDecimal("27.6"),
											new BigDecimal("29.3"), tested.toString())
									: new ResultItem(boxed.get(i), Outcome.NEGATIVE.name(), null, null, tested.toString()));
						}
					}
				}
			}
		}
		int sampled = answered(registrar, registrarBatches);
		answered(labUser(lab), List.of(receipts));
		as(labUser(lab), () -> {
			for (int from = 0; from < resulted.size(); from += 500) {
				Map<String, Long> refused = results
					.submit(new ResultBatch(resulted.subList(from, Math.min(resulted.size(), from + 500))))
					.stream()
					.filter(answer -> answer.status() == ScanResult.Status.REJECTED)
					.collect(java.util.stream.Collectors.groupingBy(ResultAnswer::reason, java.util.stream.Collectors.counting()));
				if (!refused.isEmpty()) {
					log.warn("Demo day: results refused by the rules, by reason: {}", refused);
				}
			}
			return null;
		});
		return new Played(sampled, resulted.size());
	}

	/**
	 * Arrivals over the day so far, busiest in the first hour, each sampled when a station frees; those who arrived in
	 * the last minutes are still in the queue. About one in 300 has a fever at check-in.
	 */
	private static List<Visit> visits(List<String> people, Instant now, Random random, int stations) {
		List<Visit> visits = new ArrayList<>(people.size());
		Instant start = now.minus(DAY_SO_FAR);
		long window = DAY_SO_FAR.toSeconds();
		long[] arrivals = new long[people.size()];
		for (int i = 0; i < arrivals.length; i++) {
			double u = random.nextDouble();
			arrivals[i] = (long) (window * Math.pow(u, 1.3));
		}
		java.util.Arrays.sort(arrivals);
		// As many stations as it takes to be through the day's people by now, at least the site's own.
		int needed = (int) Math.ceil(people.size() * 40.0 / (window * 0.9));
		long[] free = new long[Math.max(Math.max(1, stations), needed)];
		for (int i = 0; i < arrivals.length; i++) {
			int station = 0;
			for (int s = 1; s < free.length; s++) {
				if (free[s] < free[station]) {
					station = s;
				}
			}
			long begins = Math.max(arrivals[i], free[station]) + 5;
			free[station] = begins + 20 + random.nextInt(25);
			Instant checkedIn = start.plusSeconds(arrivals[i]);
			Instant sampled = start.plusSeconds(begins);
			boolean waiting = sampled.isAfter(now.minus(Duration.ofMinutes(1)));
			BigDecimal temperature = random.nextInt(300) == 0 ? new BigDecimal("37.6") : null;
			visits.add(new Visit(people.get(i), checkedIn, waiting ? null : sampled, temperature));
		}
		return visits;
	}

	/** The community's own site if it has one, else the largest (the square). */
	private static Site siteFor(String area, List<Site> fixed) {
		return fixed.stream()
			.filter(s -> area.startsWith(s.area()))
			.findFirst()
			.orElseGet(() -> fixed.stream().max(java.util.Comparator.comparingInt(Site::stations)).orElseThrow());
	}

	/** Sends batches of independent events, a few at once as many devices would, and counts the people sampled. */
	private int answered(Viewer viewer, List<List<ScanEvent>> batches) {
		List<List<ScanEvent>> parts = new ArrayList<>();
		for (List<ScanEvent> events : batches) {
			for (int from = 0; from < events.size(); from += 1_000) {
				parts.add(events.subList(from, Math.min(events.size(), from + 1_000)));
			}
		}
		int sampled = 0;
		Map<String, Integer> refused = new HashMap<>();
		for (int wave = 0; wave < parts.size(); wave += 4) {
			List<List<ScanEvent>> sent = parts.subList(wave, Math.min(parts.size(), wave + 4));
			List<java.util.concurrent.CompletableFuture<List<ScanResult>>> answering = sent.stream()
				.map(part -> as(viewer, () -> submit(new ScanBatch("demo-" + viewer.username(), part))))
				.toList();
			for (int b = 0; b < sent.size(); b++) {
				sampled += count(sent.get(b), answering.get(b).join(), refused);
			}
		}
		if (!refused.isEmpty()) {
			log.info("Demo day: scans the rules refused (people of a lockdown zone go to single tubes), by reason: {}", refused);
		}
		return sampled;
	}

	/** Sends a batch; while the scan path says it is busy, waits and sends again, as devices do. */
	private java.util.concurrent.CompletableFuture<List<ScanResult>> submit(ScanBatch batch) {
		for (int attempt = 1;; attempt++) {
			try {
				return scans.submit(batch);
			}
			catch (Problem busy) {
				if (attempt >= 60) {
					throw busy;
				}
				try {
					Thread.sleep(500);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw busy;
				}
			}
		}
	}

	private static int count(List<ScanEvent> part, List<ScanResult> answers, Map<String, Integer> refused) {
		int sampled = 0;
		for (int i = 0; i < answers.size(); i++) {
			ScanResult answer = answers.get(i);
			if (answer.status() == ScanResult.Status.REJECTED) {
				refused.merge(answer.reason(), 1, Integer::sum);
			}
			else if (part.get(i).type() == ScanEventType.SAMPLED) {
				sampled++;
			}
		}
		return sampled;
	}

	private static Viewer labUser(Lab lab) {
		return new Viewer(0, "lab1", Set.of(Role.LAB), null, Map.of(Workplace.LAB, lab.id()));
	}

	private static ScanEvent event(ScanEventType type, Instant at, Round round, Site site, String tube, Integer pool,
			Visit visit, String box) {
		String person = visit == null ? null : visit.idNumber();
		return new ScanEvent(id(type.name(), site.id() + "/" + tube + "/" + person), type, at.toString(),
				round.id(), site.id(), tube, pool, null, person, null, type == ScanEventType.CHECKED_IN && visit != null
						? visit.temperature() == null ? new BigDecimal("36.5") : visit.temperature() : null,
				box, null, null, null);
	}

	/** Event ids made from what the event is: played again, the same events are answered as duplicates. */
	private static String id(String kind, String what) {
		return UUID.nameUUIDFromBytes((kind + ":" + what).getBytes(StandardCharsets.UTF_8)).toString();
	}

	private static String tubeCode(Site site, int number) {
		return "D" + site.id() + "-" + String.format("%05d", number);
	}

	private static String boxCode(Site site, int number) {
		return "BOX-D" + site.id() + "-" + String.format("%03d", number);
	}

	private static <T> T as(Viewer viewer, Supplier<T> work) {
		var previous = SecurityContextHolder.getContext().getAuthentication();
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new DemoPrincipal(viewer), null, List.of()));
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.getContext().setAuthentication(previous);
		}
	}
}
