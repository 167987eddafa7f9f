package org.frontline.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.frontline.people.Person;
import org.frontline.people.PersonQuery;
import org.frontline.people.Residents;
import org.frontline.people.SamplingCodes;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Workplace;
import org.frontline.testing.Lab;
import org.frontline.testing.ResultBatch;
import org.frontline.testing.ResultItem;
import org.frontline.testing.ResultRecords;
import org.frontline.testing.Round;
import org.frontline.testing.RoundStatus;
import org.frontline.testing.Rounds;
import org.frontline.testing.ScanBatch;
import org.frontline.testing.ScanEvent;
import org.frontline.testing.ScanEventType;
import org.frontline.testing.ScanResult;
import org.frontline.testing.Scans;
import org.frontline.testing.Site;
import org.frontline.testing.Sites;
import org.frontline.testing.Results;
import org.frontline.zones.LiftTarget;
import org.frontline.zones.NewNotice;
import org.frontline.zones.NewZone;
import org.frontline.zones.NewZoneRule;
import org.frontline.zones.Notices;
import org.frontline.zones.ZoneLevel;
import org.frontline.zones.ZoneRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo district's control notices and zones, through the zones module's public services: the rules of early 2022
 * (Jiangsu, February: 14 days and a negative full round) and the later ones (Shanghai, May: 7 days, then 3);
 * notice No. 37 (in force from 0:00 seven days ago) putting two buildings of 碧林湾新村 into lockdown, 碧林湾社区
 * under control and every subdistrict of the district in prevention, extended by No. 38; 任港花园, locked down three
 * weeks ago and under control for three days now, which may be lifted today; and a confirmed positive in 观音山新村
 * this morning, sampled and resulted through the testing module, whose lockdown proposal waits for the commander.
 */
@Component
@Order(60)
class ZonesDemo implements ApplicationRunner {

	static final String CITY_COMMAND = "南通市新冠肺炎疫情防控工作领导小组指挥部";

	static final String DISTRICT_COMMAND = "崇川区新冠肺炎疫情防控指挥部";

	/** 碧林湾新村, two of whose buildings are locked down. */
	static final String BILINWAN_XINCUN = DemoAreas.BILINWAN + "002";

	/** 任港花园, under control for three days after its lockdown: it may be lifted today. */
	static final String RENGANG_HUAYUAN = "320602003001001";

	/** 观音山新村, where a positive was confirmed this morning. */
	static final String GUANYINSHAN_XINCUN = "320602005001002";

	private static final Logger log = LoggerFactory.getLogger(ZonesDemo.class);

	private final DemoProperties properties;

	private final ZoneRules rules;

	private final Notices notices;

	private final Residents residents;

	private final SamplingCodes codes;

	private final Rounds rounds;

	private final Sites sites;

	private final Scans scans;

	private final Results results;

	private final ResultRecords records;

	private final Clock clock;

	ZonesDemo(DemoProperties properties, ZoneRules rules, Notices notices, Residents residents, SamplingCodes codes,
			Rounds rounds, Sites sites, Scans scans, Results results, ResultRecords records, Clock clock) {
		this.properties = properties;
		this.rules = rules;
		this.notices = notices;
		this.residents = residents;
		this.codes = codes;
		this.rounds = rounds;
		this.sites = sites;
		this.scans = scans;
		this.results = results;
		this.records = records;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		Viewer commander = DemoViewer.of("commander", Role.COMMANDER, DemoAreas.DISTRICT);
		if (!properties.enabled()) {
			return;
		}
		// Each part on its own, so that a start stopped after the notices still makes the positive the next time.
		long started = System.nanoTime();
		if (DemoViewer.as(commander, () -> rules.list().isEmpty())) {
			DemoViewer.run(commander, this::rulesAndNotices);
			log.info("Demo zones loaded: notices No. 15-38, {} rule versions, in {} ms",
					DemoViewer.as(commander, () -> rules.list().size()), (System.nanoTime() - started) / 1_000_000);
		}
		positive();
	}

	private void rulesAndNotices() {
		String jiangsu = "江苏省疫情防控规定（2022年2月）";
		rules.add(ZoneLevel.LOCKDOWN, new NewZoneRule(1, 1, true, "足不出户，上门核酸，生活物资无接触配送", 14, 2,
				LiftTarget.CONTROL, jiangsu, at(-60, 0)));
		rules.add(ZoneLevel.CONTROL, new NewZoneRule(10, 1, false, "足不出小区，错峰有序取物，严禁聚集", 7, 2,
				LiftTarget.PREVENTION, jiangsu, at(-60, 0)));
		rules.add(ZoneLevel.PREVENTION, new NewZoneRule(20, 2, false, "强化社会面管控，严格限制人员聚集，非必要不离区", 14,
				null, LiftTarget.NONE, jiangsu, at(-60, 0)));
		String shanghai = "封控区7天无新增阳性转为管控区，管控区再3天转为防范区（2022年5月）";
		rules.add(ZoneLevel.LOCKDOWN, new NewZoneRule(1, 1, true, "足不出户，上门核酸，生活物资无接触配送", 7, null,
				LiftTarget.CONTROL, shanghai, at(-5, 0)));
		rules.add(ZoneLevel.CONTROL, new NewZoneRule(10, 1, false, "足不出小区，错峰有序取物，严禁聚集", 3, null,
				LiftTarget.PREVENTION, shanghai, at(-5, 0)));

		notices.publish(new NewNotice(DISTRICT_COMMAND, 15, "关于将任港花园划为封控区的通告", at(-21, 18), at(-20, 0),
				null, """
						任港花园发现新冠病毒核酸检测阳性人员。根据疫情防控需要，经研究决定，自本通告发布次日0时起，\
						将任港花园划为封控区，实行“足不出户、上门服务”，居民每日接受上门核酸检测。""",
				null, List.of(new NewZone(RENGANG_HUAYUAN, List.of(), ZoneLevel.LOCKDOWN, null)), List.of(), List.of()));

		List<NewZone> measures = new ArrayList<>();
		measures.add(new NewZone(DemoAreas.BILINWAN, List.of(), ZoneLevel.CONTROL, null));
		measures.add(new NewZone(BILINWAN_XINCUN, List.of("2", "6"), ZoneLevel.LOCKDOWN, null));
		for (int subdistrict = 1; subdistrict <= 5; subdistrict++) {
			measures.add(new NewZone(DemoAreas.DISTRICT + "%03d".formatted(subdistrict), List.of(), ZoneLevel.PREVENTION,
					null));
		}
		long no37 = notices.publish(new NewNotice(CITY_COMMAND, 37, "关于疫情防控措施动态升级调整的通告", at(-8, 21, 36),
				at(-7, 0), at(-2, 0), """
						为尽快阻断疫情传播，保障人民群众生命安全和身体健康，经研究决定，自%s0时起，全市疫情防控措施动态升级调整如下：
						一、全市开展每日全员核酸检测，居民凭采样码或检测卡就近到采样点检测，行动不便人员由社区安排上门采样。
						二、居民小区实行封闭管理，每户每两天可安排1人外出采购生活必需品，其他人员非必要不外出。
						三、碧林湾新村2幢、6幢划为封控区，碧林湾社区划为管控区，其余区域为防范区，按相应等级管控。
						四、除保障城市运行和群众生活必需的企业外，其他企业暂停生产经营；确需生产的企业实行闭环管理。
						本通告有效期至%s24时，视疫情形势适时调整。""".formatted(day(-7), day(-3)),
				null, measures, List.of(), List.of())).id();
		notices.publish(new NewNotice(CITY_COMMAND, 38, "关于延长疫情防控措施动态升级调整期限的通告", at(-3, 20),
				at(-2, 0), at(1, 0), """
						根据当前疫情形势，经研究决定，《关于疫情防控措施动态升级调整的通告》（2022年第37号）规定的各项措施\
						延长三天，至%s24时。""".formatted(day(0)), no37, List.of(), List.of(), List.of()));
		notices.publish(new NewNotice(DISTRICT_COMMAND, 18, "关于任港花园由封控区调整为管控区的通告", at(-4, 20),
				at(-3, 0), null, """
						任港花园已连续14天无新增阳性人员，封控区内全员核酸检测结果均为阴性。经研究决定，自本通告发布次日0时起，\
						任港花园由封控区调整为管控区，居民足不出小区，错峰有序取物。""",
				null, List.of(new NewZone(RENGANG_HUAYUAN, List.of(), ZoneLevel.CONTROL, null)), List.of(), List.of()));
	}

	/**
	 * A resident of 观音山新村 sampled alone this morning and found positive by the lab: testing confirms the
	 * positive, and the zones module proposes locking down their building.
	 */
	private void positive() {
		Viewer admin = DemoViewer.of("admin", Role.ADMIN, DemoAreas.CITY);
		Optional<Round> round = DemoViewer.as(admin,
				() -> rounds.list().stream().filter(r -> r.status() == RoundStatus.OPEN).findFirst());
		Optional<Site> site = DemoViewer.as(admin, () -> sites.list().stream().findFirst());
		Optional<Lab> lab = DemoViewer.as(admin, () -> sites.labs().stream().findFirst());
		Optional<Person> person = DemoViewer.as(admin,
				() -> residents.search(new PersonQuery(GUANYINSHAN_XINCUN, null, null, 0, 1)).items().stream().findFirst());
		if (round.isEmpty() || site.isEmpty() || lab.isEmpty() || person.isEmpty()) {
			log.info("Demo zones: no open round, site, lab or resident of 观音山新村; no positive");
			return;
		}
		String ours = "GYS-" + properties.seed() + "-";
		if (DemoViewer.as(admin, () -> records.ofPerson(person.get().id(), null, null))
			.stream()
			.anyMatch(s -> s.tubeCode().startsWith(ours))) {
			return;
		}
		// Named after the round: a start stopped half-way may have opened a tube in another round.
		String tube = ours + round.get().id();
		String code = DemoViewer.as(admin, () -> codes.codeOf(person.get().id()).payload());
		String box = "GYS-BOX-" + properties.seed() + "-" + round.get().id();
		long labId = lab.get().id();
		String sampledAt = null;
		// A confirmed re-sample: on a kept city the round may have sampled this resident already.
		scan(admin, List.of(event(ScanEventType.TUBE_OPENED, sampledAt, round.get().id(), site.get().id(), tube, 1, null,
				null, null, null),
				new ScanEvent(UUID.randomUUID().toString(), ScanEventType.SAMPLED, sampledAt, null, null, tube, null, code,
						null, true, null, null, null, null, null),
				event(ScanEventType.BOXED, sampledAt, null, null, tube, null, null, box, null, null),
				event(ScanEventType.BOX_DISPATCHED, null, null, null, null, null, null, box, "王师傅", labId)));
		Viewer labStaff = DemoViewer.of("lab1", Role.LAB, DemoAreas.DISTRICT, Workplace.LAB, labId);
		scan(labStaff, List.of(new ScanEvent(UUID.randomUUID().toString(), ScanEventType.BOX_RECEIVED, null, null, null,
				null, null, null, null, null, null, box, null, labId, List.of(tube))));
		DemoViewer.run(labStaff, () -> results.submit(new ResultBatch(List.of(new ResultItem(tube, "POSITIVE",
				new BigDecimal("28.4"), new BigDecimal("27.9"), clock.instant().minusSeconds(1800).toString())))));
	}

	private void scan(Viewer viewer, List<ScanEvent> events) {
		List<ScanResult> answers = DemoViewer.as(viewer, () -> {
			try {
				return scans.submit(new ScanBatch("demo", events)).get(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException("Demo scans were not stored", ex);
			}
		});
		for (ScanResult answer : answers) {
			if (answer.status() == ScanResult.Status.REJECTED) {
				throw new IllegalStateException("A demo scan was refused: " + answer.reason() + " " + answer.message());
			}
		}
	}

	private static ScanEvent event(ScanEventType type, String at, Long roundId, Long siteId, String tube,
			Integer poolSize, String personCode, String box, String courier, Long labId) {
		return new ScanEvent(UUID.randomUUID().toString(), type, at, roundId, siteId, tube, poolSize, personCode, null,
				null, null, box, courier, labId, null);
	}

	/** A district day as a notice writes it: 4月7日. */
	private String day(int days) {
		LocalDate date = LocalDate.now(clock).plusDays(days);
		return date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
	}

	/** The start of the hour {@code hour} of the district's day {@code days} from today. */
	private Instant at(int days, int hour) {
		return at(days, hour, 0);
	}

	private Instant at(int days, int hour, int minute) {
		ZoneId zone = clock.getZone();
		return LocalDate.now(clock).plusDays(days).atTime(hour, minute).atZone(zone).toInstant();
	}
}
