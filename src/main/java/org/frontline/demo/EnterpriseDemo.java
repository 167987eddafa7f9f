package org.frontline.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.frontline.area.Areas;
import org.frontline.area.NewArea;
import org.frontline.enterprise.AntigenResult;
import org.frontline.enterprise.DailyReports;
import org.frontline.enterprise.Enterprise;
import org.frontline.enterprise.Enterprises;
import org.frontline.enterprise.Loop;
import org.frontline.enterprise.LoopStart;
import org.frontline.enterprise.LoopTesting;
import org.frontline.enterprise.Loops;
import org.frontline.enterprise.NewEnterprise;
import org.frontline.enterprise.ReportForm;
import org.frontline.enterprise.Rosters;
import org.frontline.enterprise.RowAnswer;
import org.frontline.enterprise.RowStatus;
import org.frontline.enterprise.StaffRow;
import org.frontline.people.PersonForm;
import org.frontline.security.NewUser;
import org.frontline.security.Users;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.ViewerPrincipal;
import org.frontline.testing.NewSite;
import org.frontline.testing.ScanBatch;
import org.frontline.testing.ScanEvent;
import org.frontline.testing.ScanEventType;
import org.frontline.testing.SiteKind;
import org.frontline.testing.Sites;
import org.frontline.testing.Scans;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The demo's closed-loop enterprises: 南亚塑胶 in closed loop since 0:00 after notice No. 37 with 690 staff in three
 * shift groups and two dormitory buildings, 300 bedding sets asked for, today's tests partly done and some antigen
 * self-tests; three more enterprises, one of which did not file yesterday's report; the liaison {@code enterprise1}.
 * Made through the modules' services as the district's administrator; loaded once.
 */
@Component
@Order(40)
class EnterpriseDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(EnterpriseDemo.class);

	static final String[] GROUPS = { "甲班", "乙班", "丙班" };

	private final DemoProperties properties;

	private final Areas areas;

	private final Users users;

	private final Enterprises enterprises;

	private final Loops loops;

	private final Rosters rosters;

	private final LoopTesting testing;

	private final DailyReports reports;

	private final Sites sites;

	private final Scans scans;

	private final Clock clock;

	EnterpriseDemo(DemoProperties properties, Areas areas, Users users, Enterprises enterprises, Loops loops,
			Rosters rosters, LoopTesting testing, DailyReports reports, Sites sites, Scans scans, Clock clock) {
		this.properties = properties;
		this.areas = areas;
		this.users = users;
		this.enterprises = enterprises;
		this.loops = loops;
		this.rosters = rosters;
		this.testing = testing;
		this.reports = reports;
		this.sites = sites;
		this.scans = scans;
		this.clock = clock;
	}

	/** The demo's enterprises: name, compound (added under a community), industry, staff, days in loop, report. */
	record DemoEnterprise(String name, String compoundCode, String compoundName, String parent, String industry,
			int staff, int daysInLoop, boolean reportsFiled, int testedShare) {
	}

	static final List<DemoEnterprise> ENTERPRISES = List.of(
			new DemoEnterprise("南亚塑胶工业（南通）有限公司", "320602001003901", "南亚塑胶厂区", "320602001003", "塑料制品",
					690, 0, false, 58),
			new DemoEnterprise("崇川精密机械有限公司", "320602002002901", "精密机械厂区", "320602002002", "通用设备制造",
					120, 1, true, 100),
			new DemoEnterprise("江海纺织有限公司", "320602003001901", "江海纺织厂区", "320602003001", "纺织", 80, 2, false, 40),
			new DemoEnterprise("濠河食品有限公司", "320602004002901", "濠河食品厂区", "320602004002", "食品加工", 60, 0,
					false, 0));

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.enabled() || areas.find(ENTERPRISES.get(0).compoundCode()).isPresent()
				|| areas.find(ENTERPRISES.get(0).parent()).isEmpty()) {
			return;
		}
		long started = System.nanoTime();
		List<NewArea> compounds = ENTERPRISES.stream()
			.map(e -> new NewArea(e.compoundCode(), e.compoundName(), null, e.parent()))
			.toList();
		areas.add(compounds);
		ResidentGenerator generator = new ResidentGenerator(properties.seed() + 20,
				ENTERPRISES.stream().map(DemoEnterprise::compoundCode).toList());
		Viewer admin = new Viewer(0, "demo", Set.of(Role.ADMIN), DemoAreas.CITY);
		as(admin, () -> {
			LocalDate today = LocalDate.now(clock);
			for (int i = 0; i < ENTERPRISES.size(); i++) {
				load(ENTERPRISES.get(i), i, today, generator);
			}
			return null;
		});
		log.info("Demo enterprises loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	private void load(DemoEnterprise demo, int index, LocalDate today, ResidentGenerator generator) {
		Enterprise enterprise = enterprises.register(new NewEnterprise(demo.name(), creditCode(index),
				"崇川区" + demo.compoundName(), demo.compoundCode(), demo.industry(), demo.staff()));
		int rooms = (demo.staff() + 7) / 8;
		enterprises.addRooms(enterprise.id(), "1号宿舍楼", 101, rooms, 4);
		enterprises.addRooms(enterprise.id(), "2号宿舍楼", 101, rooms, 4);
		Instant from = today.minusDays(demo.daysInLoop()).atStartOfDay(clock.getZone()).toInstant();
		Loop loop = loops.start(enterprise.id(), new LoopStart(from, "崇川区疫情防控第37号通告"));
		if (index == 0) {
			users.createWithoutPolicy(new NewUser("enterprise1", properties.password(), Set.of(Role.ENTERPRISE_LIAISON),
					null, null, null, null, enterprise.id()));
		}
		List<StaffRow> staff = new ArrayList<>();
		for (PersonForm person : generator.next(demo.staff())) {
			int n = staff.size();
			int perBuilding = rooms * 4;
			String building = n < perBuilding ? "1号宿舍楼" : "2号宿舍楼";
			String room = String.valueOf(101 + (n % perBuilding) / 4);
			boolean ownBedding = index != 0 || n % 23 < 13;
			staff.add(new StaffRow(null, person.name(), "RESIDENT_ID", person.idNumber(), person.phone(),
					GROUPS[n % (index == 0 ? 3 : 2)], building, room, ownBedding));
		}
		List<RowAnswer> answers = rosters.add(loop.id(), staff);
		List<Long> people = new ArrayList<>();
		for (int i = 0; i < answers.size(); i++) {
			if (answers.get(i).status() == RowStatus.ACCEPTED) {
				people.add(answers.get(i).id());
				idNumbers.put(answers.get(i).id(), staff.get(i).idNumber());
			}
		}
		if (index == 0) {
			loops.requestBedding(loop.id(), null, from.plus(Duration.ofHours(24)));
			for (int i = 0; i < 20 && i < people.size(); i++) {
				testing.antigen(loop.id(), new AntigenResult(people.get(i), "NEGATIVE", null));
			}
		}
		int tested = people.size() * demo.testedShare() / 100;
		if (tested > 0) {
			sample(enterprise, loop, people.subList(0, tested), index);
		}
		if (demo.reportsFiled()) {
			for (int d = demo.daysInLoop(); d >= 1; d--) {
				reports.file(loop.id(), new ReportForm(today.minusDays(d), people.size(), people.size(), 0, 0,
						people.size() * 3, null));
			}
			reports.file(loop.id(), new ReportForm(today, people.size(), tested, 0, 0, people.size() * 2, "口罩还够 3 天"));
		}
	}

	/** Samples these people in the loop's round of today at a site inside the enterprise, ten to a tube. */
	private void sample(Enterprise enterprise, Loop loop, List<Long> people, int index) {
		long round = loops.day(loop.id(), null).roundId();
		long site = sites.create(new NewSite(enterprise.name().substring(0, 4) + "厂区采样点", SiteKind.TEMPORARY,
				enterprise.area(), "厂区食堂门口", 2, null, List.of())).id();
		sites.setOpen(site, true);
		Instant now = clock.instant();
		List<ScanEvent> events = new ArrayList<>();
		int tube = 0;
		for (int i = 0; i < people.size(); i += 10) {
			String code = "E%02d%05d".formatted(index, ++tube);
			List<Long> pool = people.subList(i, Math.min(people.size(), i + 10));
			Instant at = now.minus(Duration.ofMinutes(people.size() / 10 - tube + 5));
			Instant dayStart = LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant().plusSeconds(1);
			if (at.isBefore(dayStart)) {
				at = dayStart.isAfter(now) ? now : dayStart;
			}
			events.add(event(ScanEventType.TUBE_OPENED, at, round, site, code, 10, null));
			for (long person : pool) {
				events.add(event(ScanEventType.SAMPLED, at, null, null, code, null, person));
			}
			if (pool.size() < 10) {
				events.add(event(ScanEventType.TUBE_SEALED, at, null, null, code, null, null));
			}
			if (events.size() > 900) {
				submit(events);
				events = new ArrayList<>();
			}
		}
		if (!events.isEmpty()) {
			submit(events);
		}
	}

	private final Map<Long, String> idNumbers = new java.util.HashMap<>();

	private ScanEvent event(ScanEventType type, Instant at, Long round, Long site, String tube, Integer pool,
			Long person) {
		String key = type + ":" + tube + ":" + person;
		return new ScanEvent(UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString(),
				type, at.toString(), round, site, tube, pool, null, person == null ? null : idNumbers.get(person), null, null,
				null, null, null, null);
	}

	private void submit(List<ScanEvent> events) {
		long refused = scans.submit(new ScanBatch("enterprise-demo", events))
			.join()
			.stream()
			.filter(r -> r.status() != org.frontline.testing.ScanResult.Status.ACCEPTED)
			.count();
		if (refused > 0) {
			log.warn("{} of {} demo scans of closed-loop staff were not accepted", refused, events.size());
		}
	}

	/** A credit code that passes the check, made from the enterprise's place in the list. */
	static String creditCode(int index) {
		String first17 = "91320602MA1N%05d".formatted(3700 + index);
		return first17 + org.frontline.enterprise.CreditCode.checkCharacter(first17);
	}

	private static <T> T as(Viewer viewer, Supplier<T> call) {
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated((ViewerPrincipal) () -> viewer, null, List.of()));
		SecurityContextHolder.setContext(context);
		try {
			return call.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
