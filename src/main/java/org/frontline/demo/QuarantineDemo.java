package org.frontline.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.frontline.people.Person;
import org.frontline.people.PersonQuery;
import org.frontline.people.Residents;
import org.frontline.people.Tag;
import org.frontline.quarantine.Arrivals;
import org.frontline.quarantine.Categories;
import org.frontline.quarantine.Destination;
import org.frontline.quarantine.Facilities;
import org.frontline.quarantine.Facility;
import org.frontline.quarantine.HomeCheck;
import org.frontline.quarantine.Intake;
import org.frontline.quarantine.Intakes;
import org.frontline.quarantine.KeyGroup;
import org.frontline.quarantine.NewArrivals;
import org.frontline.quarantine.NewCategory;
import org.frontline.quarantine.NewFacility;
import org.frontline.quarantine.NewFacility.NewRoom;
import org.frontline.quarantine.NewFacility.NewStaff;
import org.frontline.quarantine.NewRule;
import org.frontline.quarantine.ObservationForm;
import org.frontline.quarantine.Observations;
import org.frontline.quarantine.Registration;
import org.frontline.quarantine.Registrations;
import org.frontline.quarantine.ReleaseForm;
import org.frontline.quarantine.Releases;
import org.frontline.quarantine.Rule;
import org.frontline.quarantine.Stay;
import org.frontline.quarantine.Symptom;
import org.frontline.quarantine.TeamRole;
import org.frontline.quarantine.TestResult;
import org.frontline.security.NewUser;
import org.frontline.security.Users;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Three demo facilities with people at every stage: just arrived (one fast-track still incomplete), mid-stay with
 * observations, due for release (one ready, one waiting for the home check), an open fever anomaly, a room awaiting
 * disinfection, a transfer expected tonight; and {@code facility1}, a staff account limited to the first facility.
 */
@Component
@Order(30)
class QuarantineDemo implements ApplicationRunner {

	static final String FIRST = "崇川区第一集中隔离点（城东宾馆）";

	private static final Logger log = LoggerFactory.getLogger(QuarantineDemo.class);

	/** The demo loads as an administrator of the district, so every rule and audit row applies as usual. */
	private static final Viewer DEMO = new Viewer(0, "demo", Set.of(Role.ADMIN, Role.FACILITY_STAFF), DemoAreas.DISTRICT);

	/** The nurse who took the temperatures and tests of the days before the demo's first start. */
	private static final Viewer NURSE = new Viewer(0, "nurse", Set.of(Role.FACILITY_STAFF), DemoAreas.DISTRICT);

	private final DemoProperties properties;

	private final Facilities facilities;

	private final Categories categories;

	private final Intakes intakes;

	private final Registrations registrations;

	private final Releases releases;

	private final Arrivals arrivals;

	private final Observations observations;

	private final Residents residents;

	private final Users users;

	private final TransactionTemplate transactions;

	private final Clock clock;

	QuarantineDemo(DemoProperties properties, Facilities facilities, Categories categories, Intakes intakes,
			Registrations registrations, Releases releases, Arrivals arrivals, Observations observations,
			Residents residents, Users users, TransactionTemplate transactions, Clock clock) {
		this.properties = properties;
		this.facilities = facilities;
		this.categories = categories;
		this.intakes = intakes;
		this.registrations = registrations;
		this.releases = releases;
		this.arrivals = arrivals;
		this.observations = observations;
		this.residents = residents;
		this.users = users;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.enabled()
				|| DemoViewer.as(DEMO, () -> facilities.list().stream().map(Facility::name).anyMatch(FIRST::equals))) {
			return;
		}
		DemoViewer.run(DEMO, () -> transactions.executeWithoutResult(status -> load()));
	}

	private void load() {
		Instant now = clock.instant();
		categories.create(new NewCategory("CLOSE_CONTACT", "密切接触者", new NewRule(now.minus(Duration.ofDays(30)), 14, 7,
				List.of(1, 4, 7, 14), List.of(2, 3, 5, 6), false, "南通市疫情防控指挥部通告（第八版方案）")));
		categories.addRule("CLOSE_CONTACT", new NewRule(now.minus(Duration.ofDays(1)), 7, 3, List.of(1, 2, 3, 5, 7),
				List.of(), false, "第九版防控方案：7天集中隔离+3天居家健康监测"));
		categories.create(new NewCategory("SECONDARY_CONTACT", "次密切接触者",
				new NewRule(now.minus(Duration.ofDays(30)), 7, 0, List.of(1, 4, 7), List.of(2, 3, 5, 6), false, null)));
		categories.create(new NewCategory("HIGH_RISK_ARRIVAL", "中高风险地区来通人员",
				new NewRule(now.minus(Duration.ofDays(30)), 7, 7, List.of(1, 3, 7), List.of(2, 4, 5, 6), true,
						"同住家庭成员可同住一间")));

		Facility first = facilities.create(new NewFacility(FIRST, "崇川区城东街道工农路88号城东宾馆", "联络员 陈敏 13906280001",
				"320602", rooms(new int[] { 2, 3, 4 }, 10), team()));
		Facility second = facilities.create(new NewFacility("崇川区第二集中隔离点（钟秀假日酒店）", "崇川区钟秀街道钟秀中路16号",
				"联络员 顾伟 13906280002", "320602", rooms(new int[] { 3, 5 }, 10), team()));
		Facility third = facilities.create(new NewFacility("崇川区第三集中隔离点（任港商务酒店）", "崇川区任港街道任港路200号",
				"联络员 黄静 13906280003", "320602", rooms(new int[] { 6 }, 12), team()));
		facilities.setOutOfService(third.rooms().get(11).id(), true);

		Map<Long, Person> distinct = new java.util.LinkedHashMap<>();
		residents.search(new PersonQuery("320602", null, Tag.HYPERTENSION, 0, 3)).items().forEach(p -> distinct.put(p.id(), p));
		residents.search(new PersonQuery("320602", null, null, 0, 40)).items().forEach(p -> distinct.putIfAbsent(p.id(), p));
		List<Person> people = new ArrayList<>(distinct.values());

		long f1 = first.id();
		// Due for release under rule version 1 (14 days): one ready to go home, one still waiting for the home check.
		Stay ready = admit(f1, people.get(3), "CLOSE_CONTACT", "201", 14);
		releases.homeCheck(ready.id(), new HomeCheck("PASS", "城东街道 李网格员", "独立居住，单人单套"));
		admit(f1, people.get(4), "CLOSE_CONTACT", "202", 14);
		// Mid-stay, with two temperatures a day and the tests of their rule.
		admit(f1, people.get(0), "CLOSE_CONTACT", "203", 5);
		admit(f1, people.get(5), "SECONDARY_CONTACT", "204", 4);
		Stay fever = admit(f1, people.get(6), "HIGH_RISK_ARRIVAL", "205", 3);
		admit(f1, people.get(7), "CLOSE_CONTACT", "301", 6);
		observations.record(fever.id(), new ObservationForm(null, new BigDecimal("37.8"), List.of(Symptom.COUGH), null,
				false, null, "夜间自测体温偏高", null));
		// Just arrived tonight: a registered person, a fast-track intake completed, one still incomplete.
		admit(f1, people.get(1), "CLOSE_CONTACT", "302", 0);
		Stay fastDone = intakes.intake(f1, new Intake(null, "周海峰", "13962800011", "CLOSE_CONTACT", "303",
				List.of(KeyGroup.DIABETES), "胰岛素需冷藏", null, null, null));
		registrations.completeRegistration(fastDone.id(), new Registration(people.get(8).id(), null, null, null));
		intakes.intake(f1, new Intake(null, "吴晓梅", "13962800012", "HIGH_RISK_ARRIVAL", "304", List.of(), null, null, null, null));
		// A transfer to hospital earlier today: the room awaits terminal disinfection.
		Stay transferred = admit(f1, people.get(9), "CLOSE_CONTACT", "305", 2);
		releases.release(transferred.id(), new ReleaseForm(Destination.HOSPITAL, "南通市第三人民医院", null));
		arrivals.plan(f1, new NewArrivals("G15沈海高速南通收费站", now.plus(Duration.ofHours(3)),
				List.of(new NewArrivals.Person("孙立", "13962800021", null, "HIGH_RISK_ARRIVAL"),
						new NewArrivals.Person("孙小雨", "13962800022", null, "HIGH_RISK_ARRIVAL"),
						new NewArrivals.Person("钱国强", "13962800023", null, "CLOSE_CONTACT"))));

		long f2 = second.id();
		admit(f2, people.get(10), "SECONDARY_CONTACT", "301", 6);
		admit(f2, people.get(11), "SECONDARY_CONTACT", "302", 2);
		admit(f2, people.get(12), "CLOSE_CONTACT", "303", 1);
		Stay parent = admit(f2, people.get(13), "HIGH_RISK_ARRIVAL", "501", 0);
		intakes.intake(f2, new Intake(null, "顾小宝", "13962800031", "HIGH_RISK_ARRIVAL", null, List.of(), "儿童，与母亲同住",
				null, null, parent.id()));
		long f3 = third.id();
		admit(f3, people.get(14), "CLOSE_CONTACT", "601", 0);
		admit(f3, people.get(15), "HIGH_RISK_ARRIVAL", "602", 1);

		users.createWithoutPolicy(new NewUser("facility1", properties.password(), Set.of(Role.FACILITY_STAFF), null, null, null, f1, null));
		log.info("Quarantine demo loaded: 3 facilities, {} people", 16);
	}

	/**
	 * Admits a registered person {@code daysAgo} days ago (entered late, under the rule in force then), with the
	 * observations of those days.
	 */
	private Stay admit(long facility, Person person, String category, String room, int daysAgo) {
		Intake intake = new Intake(person.id(), null, null, category, room, null, null, null, null, null);
		if (daysAgo == 0) {
			Stay stay = intakes.intake(facility, intake);
			observations.record(stay.id(), new ObservationForm(null, new BigDecimal("36.4"), List.of(), TestResult.NEGATIVE,
					true, null, "入住抗原", null));
			return stay;
		}
		Stay stay = intakes.intakeRecordedLate(facility, intake, clock.instant().minus(Duration.ofDays(daysAgo)));
		Rule rule = categories.get(category).rules().stream().filter(r -> r.id() == stay.ruleId()).findFirst().orElseThrow();
		LocalDate today = LocalDate.now(clock);
		DemoViewer.run(NURSE, () -> {
			for (int day = 1; day <= daysAgo + 1; day++) {
				LocalDate date = stay.admittedOn().plusDays(day - 1L);
				boolean isToday = date.equals(today);
				boolean nat = rule.natDays().contains(day);
				boolean antigen = rule.antigenDays().contains(day);
				observe(stay, date, 8, "36." + (3 + day % 4), antigen ? TestResult.NEGATIVE : null, nat, null);
				if (!isToday) {
					observe(stay, date, 16, "36." + (2 + day % 5), null, false, nat ? TestResult.NEGATIVE : null);
				}
			}
		});
		return stay;
	}

	/** An observation at the hour of its day, taken no earlier than the intake and no later than now. */
	private void observe(Stay stay, LocalDate date, int hour, String temperature, TestResult antigen, boolean natSampled,
			TestResult natResult) {
		Instant at = ZonedDateTime.of(date.atTime(hour, 0), clock.getZone()).toInstant();
		if (at.isAfter(clock.instant())) {
			at = clock.instant().minus(Duration.ofMinutes(5));
		}
		if (at.isBefore(stay.admittedAt())) {
			at = stay.admittedAt();
		}
		observations.record(stay.id(), new ObservationForm(at, new BigDecimal(temperature), List.of(), antigen, natSampled,
				natResult, null, null));
	}

	private static List<NewRoom> rooms(int[] floors, int perFloor) {
		List<NewRoom> rooms = new ArrayList<>();
		for (int floor : floors) {
			for (int i = 1; i <= perFloor; i++) {
				rooms.add(new NewRoom(floor + "%02d".formatted(i), floor, i % 5 == 0 ? "SUITE" : "SINGLE"));
			}
		}
		return rooms;
	}

	private static List<NewStaff> team() {
		return List.of(new NewStaff("张建华", "13906281001", TeamRole.LEADER), new NewStaff("陈敏", "13906281002", TeamRole.LIAISON),
				new NewStaff("刘医生", "13906281003", TeamRole.DOCTOR), new NewStaff("何护士", "13906281004", TeamRole.NURSE),
				new NewStaff("赵消杀", "13906281005", TeamRole.DISINFECTION),
				new NewStaff("钱消杀", "13906281006", TeamRole.DISINFECTION),
				new NewStaff("孙司机", "13906281007", TeamRole.TRANSFER), new NewStaff("李保洁", null, TeamRole.CLEANING),
				new NewStaff("前台 王", null, TeamRole.HOTEL));
	}
}
