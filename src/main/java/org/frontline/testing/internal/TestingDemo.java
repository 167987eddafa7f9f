package org.frontline.testing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.frontline.security.NewUser;
import org.frontline.security.Users;
import org.frontline.shared.Role;
import org.frontline.testing.NewSite;
import org.frontline.testing.RoundStatus;
import org.frontline.testing.SiteKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo district's testing round: an open round over the district, sites (the 碧林湾中心广场 fixed site, a mobile
 * team with its stops), a lab, and users limited to a site or the lab. Loaded once; later starts keep what changed.
 */
@Component
@Order(30)
class TestingDemo implements ApplicationRunner {

	static final String ROUND = "崇川区第3轮全员核酸检测";

	static final String DISTRICT = "320602";

	static final String BILINWAN = "320602001001";

	static final String CHENYUAN = "320602001002";

	static final String ZHONGXINCUN = "320602002001";

	private static final Logger log = LoggerFactory.getLogger(TestingDemo.class);

	private final boolean enabled;

	private final String password;

	private final RoundRepository rounds;

	private final PlaceRepository places;

	private final Users users;

	private final Clock clock;

	TestingDemo(@Value("${frontline.demo.enabled:false}") boolean enabled,
			@Value("${frontline.demo.password:}") String password, RoundRepository rounds, PlaceRepository places,
			Users users, Clock clock) {
		this.enabled = enabled;
		this.password = password;
		this.rounds = rounds;
		this.places = places;
		this.users = users;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!enabled || rounds.findByName(ROUND).isPresent() || places.siteByName("碧林湾中心广场").isPresent()) {
			return;
		}
		Instant now = clock.instant();
		long round = rounds.insert(ROUND, List.of(DISTRICT), now.minus(Duration.ofHours(2)), now.plus(Duration.ofHours(22)),
				10);
		rounds.setStatus(round, RoundStatus.OPEN, now);
		long square = places.insertSite("碧林湾中心广场", SiteKind.FIXED, BILINWAN, "碧林湾小区南门中心广场", 4, "leader1");
		places.setOpen(square, true);
		long chenyuan = places.insertSite("晨苑社区服务中心", SiteKind.FIXED, CHENYUAN, "晨苑社区服务中心一楼", 2, null);
		places.setOpen(chenyuan, true);
		long mobile = places.insertSite("中心村流动采样队", SiteKind.MOBILE, ZHONGXINCUN, "流动", 1, null);
		List<String> stops = List.of("中心村村委会", "中心村东组晒场", "中心村西组祠堂", "中心村小学门口", "中心村卫生室");
		for (int i = 0; i < stops.size(); i++) {
			places.insertStop(mobile, i + 1,
					new NewSite.NewStop(stops.get(i), ZHONGXINCUN, now.plus(Duration.ofMinutes(90L * i))));
		}
		places.arrive(mobile, 1, now);
		places.insertSite("碧林湾上门采样组", SiteKind.DOOR_TO_DOOR, BILINWAN, "行动不便居民上门采样", 1, null);
		long lab = places.insertLab("崇川区核酸检测实验室", DISTRICT);
		users.createWithoutPolicy(new NewUser("registrar1", password, Set.of(Role.REGISTRAR), null, square, null, null, null));
		users.createWithoutPolicy(new NewUser("leader1", password, Set.of(Role.SITE_LEADER), null, square, null, null, null));
		users.createWithoutPolicy(new NewUser("lab1", password, Set.of(Role.LAB), null, null, lab, null, null));
		log.info("Demo testing round loaded: round {}, sites {}, {}, {}, lab {}", round, square, chenyuan, mobile, lab);
	}
}
