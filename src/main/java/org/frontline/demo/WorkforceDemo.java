package org.frontline.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.frontline.area.Area;
import org.frontline.area.AreaLevel;
import org.frontline.area.Areas;
import org.frontline.people.IdType;
import org.frontline.people.PersonForm;
import org.frontline.security.NewUser;
import org.frontline.security.Users;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.ViewerPrincipal;
import org.frontline.testing.NewSite;
import org.frontline.testing.Outcome;
import org.frontline.testing.Site;
import org.frontline.testing.SiteKind;
import org.frontline.testing.Sites;
import org.frontline.workforce.Deployments;
import org.frontline.workforce.NewShift;
import org.frontline.workforce.NewUnit;
import org.frontline.workforce.NewWorker;
import org.frontline.workforce.NewWorkerTest;
import org.frontline.workforce.PostKind;
import org.frontline.workforce.PostRef;
import org.frontline.workforce.ShiftRole;
import org.frontline.workforce.Shifts;
import org.frontline.workforce.Skill;
import org.frontline.workforce.StaffedShift;
import org.frontline.workforce.TestKind;
import org.frontline.workforce.Unit;
import org.frontline.workforce.Units;
import org.frontline.workforce.Worker;
import org.frontline.workforce.WorkerKind;
import org.frontline.workforce.WorkerStatus;
import org.frontline.workforce.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo district's front line: 40 district units with 8,000 cadres (200 a unit; fewer in a district of fewer than
 * 20,000 residents) deployed across its communities (each community's duty shift under way, a few short); 碧林湾社区's five
 * mobile sampling points staffed with 8 medical staff (samplers in rotation) and 30 volunteers on today's shifts, with
 * one sampler shift not staffed (a gap) and one order keeper who has not checked in (a no-show); a coordinator of the
 * district ({@code coordinator}), one of 区财政局 ({@code unit}), and the {@code volunteer} user signing in as one of the
 * volunteers. Loaded once, through the modules' public services as a district administrator; later starts keep what
 * changed.
 */
@Component
@Order(40)
class WorkforceDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(WorkforceDemo.class);

	static final String[] UNITS = { "区委办公室", "区政府办公室", "区纪委监委", "区委组织部", "区委宣传部", "区委统战部", "区委政法委",
			"区发展和改革委员会", "区教育体育局", "区科学技术局", "区工业和信息化局", "区民政局", "区司法局", "区财政局", "区人力资源和社会保障局",
			"区自然资源分局", "区生态环境局", "区住房和城乡建设局", "区城市管理局", "区交通运输局", "区水利局", "区农业农村局", "区商务局",
			"区文化广电和旅游局", "区卫生健康委员会", "区退役军人事务局", "区应急管理局", "区审计局", "区市场监督管理局", "区统计局", "区医疗保障局",
			"区信访局", "区数据局", "区机关事务管理局", "区总工会", "团区委", "区妇联", "区残联", "区红十字会", "区税务局" };

	static final String UNIT_USER_UNIT = "区财政局";

	static final int CADRES_PER_UNIT = 200;

	/** Residents of the demo district per cadre a unit sends: the default district of 20,000 gets 200 per unit. */
	static final int RESIDENTS_PER_CADRE = 100;

	static final int MOBILE_POINTS = 5;

	private static final String[] OTHER_COUNTIES = { "320612", "320623", "320681", "320682", "320684", "320685" };

	private final DemoProperties properties;

	private final Areas areas;

	private final Users users;

	private final Units units;

	private final Workers workers;

	private final Deployments deployments;

	private final Shifts shifts;

	private final Sites sites;

	private final TransactionTemplate transactions;

	private final Clock clock;

	WorkforceDemo(DemoProperties properties, Areas areas, Users users, Units units, Workers workers,
			Deployments deployments, Shifts shifts, Sites sites,
			TransactionTemplate transactions, Clock clock) {
		this.properties = properties;
		this.areas = areas;
		this.users = users;
		this.units = units;
		this.workers = workers;
		this.deployments = deployments;
		this.shifts = shifts;
		this.sites = sites;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** The demo loads as an administrator of the district, so every rule and audit row applies as usual. */
	private record DemoPrincipal(Viewer viewer) implements ViewerPrincipal {
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.enabled() || users.exists("coordinator")) {
			return;
		}
		long started = System.nanoTime();
		Viewer viewer = new Viewer(0, "demo", Set.of(Role.ADMIN), DemoAreas.DISTRICT);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new DemoPrincipal(viewer), null, List.of()));
		try {
			transactions.executeWithoutResult(status -> load());
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		log.info("Workforce demo loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	/** As many cadres as the district's size calls for, up to 200 a unit: a small test district starts quickly. */
	private int cadresPerUnit() {
		return Math.max(5, Math.min(CADRES_PER_UNIT, properties.residents() / RESIDENTS_PER_CADRE));
	}

	private void load() {
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock);
		WorkforceGenerator generator = new WorkforceGenerator(properties.seed() + 17);
		Map<String, Long> unitIds = new LinkedHashMap<>();
		for (String name : UNITS) {
			Unit unit = units.create(new NewUnit(name, DemoAreas.DISTRICT));
			unitIds.put(name, unit.id());
		}
		List<NewWorker> cadres = new ArrayList<>();
		for (long unit : unitIds.values()) {
			for (int i = 0; i < cadresPerUnit(); i++) {
				int roll = generator.random.nextInt(1000);
				WorkerStatus status = roll < 5 ? WorkerStatus.SICK : roll < 25 ? WorkerStatus.RESTING : WorkerStatus.ACTIVE;
				cadres.add(new NewWorker(generator.name(), IdType.RESIDENT_ID,
						generator.idNumber(OTHER_COUNTIES[generator.random.nextInt(OTHER_COUNTIES.length)]),
						generator.phone(), WorkerKind.CADRE, unit, generator.cadreSkills(), false, null, status, null,
						null, null));
			}
		}
		Workers.Loaded loaded = workers.load(cadres, DemoAreas.DISTRICT);
		if (loaded.report().rejected() > 0) {
			throw new IllegalStateException("Generated cadres were rejected: " + loaded.report().errors().get(0));
		}
		List<String> communities = areas.inside(DemoAreas.DISTRICT)
			.stream()
			.filter(a -> a.level() == AreaLevel.COMMUNITY)
			.map(Area::code)
			.toList();
		List<Long> cadreIds = new ArrayList<>();
		List<PostRef> deployedTo = new ArrayList<>();
		Map<String, List<Long>> byCommunity = new LinkedHashMap<>();
		for (int i = 0; i < cadres.size(); i++) {
			String community = communities.get(i % communities.size());
			long id = loaded.ids().get(cadres.get(i).idNumber());
			cadreIds.add(id);
			deployedTo.add(new PostRef(PostKind.COMMUNITY, community));
			if (cadres.get(i).status() == WorkerStatus.ACTIVE) {
				byCommunity.computeIfAbsent(community, k -> new ArrayList<>()).add(id);
			}
		}
		deployments.load(cadreIds, deployedTo, today.minusDays(3), today.plusDays(11));

		Instant start = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
		int events = 0;
		List<StaffedShift> plans = new ArrayList<>();
		for (Map.Entry<String, List<Long>> community : byCommunity.entrySet()) {
			List<StaffedShift.Staff> team = new ArrayList<>();
			List<Long> members = community.getValue().subList(0, 8);
			for (int i = 0; i < members.size(); i++) {
				// A kept city may have its control zones already: duty there needs a recent test.
				workers.recordTest(members.get(i), new NewWorkerTest(now.minus(Duration.ofHours(20)), Outcome.NEGATIVE,
						TestKind.PCR));
				team.add(staff(members.get(i), i < 7 ? checkIn(start.plus(Duration.ofMinutes(3 + i)), events++) : null));
			}
			plans.add(new StaffedShift(new NewShift(new PostRef(PostKind.COMMUNITY, community.getKey()), ShiftRole.DUTY,
					start, start.plus(Duration.ofHours(8)), 10, false), team));
		}

		List<NewWorker> bilinwan = bilinwanTeam(generator);
		Workers.Loaded team = workers.load(bilinwan, DemoAreas.CITY);
		List<Long> medics = new ArrayList<>();
		List<Long> volunteers = new ArrayList<>();
		for (NewWorker worker : bilinwan) {
			(worker.kind() == WorkerKind.MEDICAL ? medics : volunteers).add(team.ids().get(worker.idNumber()));
		}
		Worker own = workers.register(new NewWorker(generator.name(), IdType.RESIDENT_ID, generator.idNumber("320602"),
				generator.phone(), WorkerKind.VOLUNTEER, null, List.of(Skill.REGISTRATION, Skill.ORDER), false, null,
				WorkerStatus.ACTIVE, DemoAreas.BILINWAN, "volunteer", "周末全天，工作日晚上"));
		volunteers.set(0, own.id());
		for (long id : concat(medics, volunteers)) {
			workers.recordTest(id, new NewWorkerTest(now.minus(Duration.ofHours(20)), Outcome.NEGATIVE, TestKind.PCR));
		}
		int medic = 0;
		int volunteer = 0;
		for (int point = 1; point <= MOBILE_POINTS; point++) {
			Site site = sites.create(new NewSite("碧林湾流动采样点" + point + "号", SiteKind.MOBILE, DemoAreas.BILINWAN,
					"碧林湾社区第" + point + "网格", 1, null, List.of()));
			PostRef post = new PostRef(PostKind.SITE, Long.toString(site.id()));
			Instant end = start.plus(Duration.ofHours(6));
			List<StaffedShift.Staff> samplers = new ArrayList<>();
			if (point < MOBILE_POINTS) {
				Instant half = start.plus(Duration.ofHours(3));
				samplers.add(new StaffedShift.Staff(medics.get(medic++), start, half,
						checkIn(start.plus(Duration.ofMinutes(5)), events++)));
				samplers.add(new StaffedShift.Staff(medics.get(medic++), half, end, null));
			}
			plans.add(new StaffedShift(new NewShift(post, ShiftRole.SAMPLER, start, end, 1, true), samplers));
			for (ShiftRole role : List.of(ShiftRole.SITE_LEADER, ShiftRole.REGISTRAR, ShiftRole.ORDER_KEEPER)) {
				int needed = role == ShiftRole.ORDER_KEEPER ? 2 : 1;
				List<StaffedShift.Staff> staff = new ArrayList<>();
				for (int i = 0; i < needed; i++) {
					long worker = volunteers.get(volunteer++);
					boolean noShow = point == 2 && role == ShiftRole.ORDER_KEEPER && i == 1;
					staff.add(staff(worker,
							noShow ? null : checkIn(start.plus(Duration.ofMinutes(2 + volunteer % 9)), events++)));
				}
				plans.add(new StaffedShift(new NewShift(post, role, start, end, needed, false), staff));
			}
			for (ShiftRole role : List.of(ShiftRole.REGISTRAR, ShiftRole.ORDER_KEEPER)) {
				plans.add(new StaffedShift(new NewShift(post, role, end, end.plus(Duration.ofHours(4)), 1, false),
						List.of(staff(volunteers.get(volunteer++), null))));
			}
		}
		shifts.load(plans, "DEMO");
		users.createWithoutPolicy(new NewUser("coordinator", properties.password(), Set.of(Role.WORKFORCE_COORDINATOR),
				DemoAreas.DISTRICT));
		users.createWithoutPolicy(new NewUser("unit", properties.password(), Set.of(Role.WORKFORCE_COORDINATOR), null,
				null, null, null, null, unitIds.get(UNIT_USER_UNIT)));
		log.info("Workforce demo: {} units, {} cadres in {} communities, {} medics and {} volunteers at {} mobile points",
				UNITS.length, cadres.size(), communities.size(), medics.size(), volunteers.size(), MOBILE_POINTS);
	}

	private static StaffedShift.Staff staff(long workerId, StaffedShift.CheckIn checkIn) {
		return new StaffedShift.Staff(workerId, null, null, checkIn);
	}

	private StaffedShift.CheckIn checkIn(Instant at, int event) {
		return new StaffedShift.CheckIn(UUID.nameUUIDFromBytes(
				("demo-check-in-" + properties.seed() + "-" + event).getBytes(StandardCharsets.UTF_8)), at);
	}

	/**
	 * 碧林湾社区's eight medical staff and thirty volunteers (the first one replaced by the {@code volunteer} user's):
	 * volunteers who live in 碧林湾 are its generated residents (the same for the seed), so they are linked to their
	 * resident records.
	 */
	private List<NewWorker> bilinwanTeam(WorkforceGenerator generator) {
		List<NewWorker> residentVolunteers = new ArrayList<>();
		ResidentGenerator residents = new ResidentGenerator(properties.seed(), DemoAreas.compounds());
		int generated = Math.min(Math.max(0, properties.residents()), 5_000);
		for (PersonForm person : residents.next(generated)) {
			generator.reserve(person.idNumber());
			int age = ResidentGenerator.REFERENCE_DAY.getYear() - Integer.parseInt(person.idNumber().substring(6, 10));
			if (residentVolunteers.size() < 30 && person.area().startsWith(DemoAreas.BILINWAN) && age >= 18 && age < 60
					&& person.phone() != null) {
				residentVolunteers.add(volunteer(person.name(), person.idNumber(), person.phone(), generator));
			}
		}
		List<NewWorker> team = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			team.add(new NewWorker(generator.name(), IdType.RESIDENT_ID, generator.idNumber("320602"), generator.phone(),
					WorkerKind.MEDICAL, null, List.of(Skill.SAMPLING), true, "110320602" + "%06d".formatted(1000 + i),
					WorkerStatus.ACTIVE, DemoAreas.BILINWAN, null, null));
		}
		team.addAll(residentVolunteers);
		while (team.size() < 38) {
			team.add(volunteer(generator.name(), generator.idNumber("320602"), generator.phone(), generator));
		}
		return team;
	}

	private static NewWorker volunteer(String name, String idNumber, String phone, WorkforceGenerator generator) {
		return new NewWorker(name, IdType.RESIDENT_ID, idNumber, phone, WorkerKind.VOLUNTEER, null,
				generator.volunteerSkills(), false, null, WorkerStatus.ACTIVE, DemoAreas.BILINWAN, null, null);
	}

	private static List<Long> concat(List<Long> a, List<Long> b) {
		List<Long> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}
}
