package org.frontline.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.frontline.security.NewUser;
import org.frontline.security.Users;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.testing.Lab;
import org.frontline.testing.NewRound;
import org.frontline.testing.NewSite;
import org.frontline.testing.Round;
import org.frontline.testing.Rounds;
import org.frontline.testing.Site;
import org.frontline.testing.SiteKind;
import org.frontline.testing.Sites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo district's testing round: an open round over the district, sites (the 碧林湾中心广场 fixed site, a mobile
 * team with its stops), a lab, and users limited to a site or the lab. Loaded once; later starts keep what changed.
 */
@Component
@Order(30)
class TestingDemo implements ApplicationRunner {

	static final String ROUND = "崇川区第3轮全员核酸检测";

	static final String SQUARE = "碧林湾中心广场";

	private static final Logger log = LoggerFactory.getLogger(TestingDemo.class);

	private final DemoProperties properties;

	private final Rounds rounds;

	private final Sites sites;

	private final Users users;

	private final TransactionTemplate transactions;

	private final Clock clock;

	TestingDemo(DemoProperties properties, Rounds rounds, Sites sites, Users users, TransactionTemplate transactions,
			Clock clock) {
		this.properties = properties;
		this.rounds = rounds;
		this.sites = sites;
		this.users = users;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		Viewer admin = DemoViewer.of("admin", Role.ADMIN, DemoAreas.DISTRICT);
		if (!properties.enabled() || DemoViewer.as(admin, this::loaded)) {
			return;
		}
		DemoViewer.run(admin, () -> transactions.executeWithoutResult(status -> load()));
	}

	private boolean loaded() {
		return rounds.list().stream().map(Round::name).anyMatch(ROUND::equals)
				|| sites.list().stream().map(Site::name).anyMatch(SQUARE::equals);
	}

	private void load() {
		Instant now = clock.instant();
		Round round = rounds.plan(new NewRound(ROUND, List.of(DemoAreas.DISTRICT), now.minus(Duration.ofHours(2)),
				now.plus(Duration.ofHours(22)), 10));
		rounds.open(round.id());
		Site square = sites.create(new NewSite(SQUARE, SiteKind.FIXED, DemoAreas.BILINWAN, "碧林湾小区南门中心广场", 4,
				"leader1", null));
		sites.setOpen(square.id(), true);
		Site chenyuan = sites.create(new NewSite("晨苑社区服务中心", SiteKind.FIXED, DemoAreas.CHENYUAN, "晨苑社区服务中心一楼", 2,
				null, null));
		sites.setOpen(chenyuan.id(), true);
		List<String> names = List.of("中心村村委会", "中心村东组晒场", "中心村西组祠堂", "中心村小学门口", "中心村卫生室");
		List<NewSite.NewStop> stops = new java.util.ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			stops.add(new NewSite.NewStop(names.get(i), DemoAreas.ZHONGXINCUN, now.plus(Duration.ofMinutes(90L * i))));
		}
		Site mobile = sites.create(new NewSite("中心村流动采样队", SiteKind.MOBILE, DemoAreas.ZHONGXINCUN, "流动", 1, null, stops));
		sites.arrive(mobile.id(), 1);
		sites.create(new NewSite("碧林湾上门采样组", SiteKind.DOOR_TO_DOOR, DemoAreas.BILINWAN, "行动不便居民上门采样", 1, null,
				null));
		Lab lab = sites.createLab("崇川区核酸检测实验室", DemoAreas.DISTRICT);
		String password = properties.password();
		users.createWithoutPolicy(
				new NewUser("registrar1", password, Set.of(Role.REGISTRAR), null, square.id(), null, null, null));
		users.createWithoutPolicy(
				new NewUser("leader1", password, Set.of(Role.SITE_LEADER), null, square.id(), null, null, null));
		users.createWithoutPolicy(new NewUser("lab1", password, Set.of(Role.LAB), null, null, lab.id(), null, null));
		log.info("Demo testing round loaded: round {}, sites {}, {}, {}, lab {}", round.id(), square.id(), chenyuan.id(),
				mobile.id(), lab.id());
	}
}
