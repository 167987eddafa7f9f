package org.frontline.demo;

import java.util.List;
import java.util.Set;

import org.frontline.area.Areas;
import org.frontline.people.ImportReport;
import org.frontline.people.Residents;
import org.frontline.security.NewUser;
import org.frontline.security.Users;
import org.frontline.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo district at the first start in demo mode; later starts find it and keep whatever changed since.
 */
@Component
@Order(10)
class DemoDistrict implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDistrict.class);

	private static final int CHUNK = 100_000;

	/** The demo users: username, roles, scope. */
	static final List<DemoUser> USERS = List.of(
			new DemoUser("admin", Set.of(Role.ADMIN), DemoAreas.CITY),
			new DemoUser("commander", Set.of(Role.COMMANDER), DemoAreas.DISTRICT),
			new DemoUser("leader", Set.of(Role.SITE_LEADER), DemoAreas.BILINWAN),
			new DemoUser("registrar", Set.of(Role.REGISTRAR), DemoAreas.BILINWAN),
			new DemoUser("lab", Set.of(Role.LAB), DemoAreas.DISTRICT),
			new DemoUser("community", Set.of(Role.COMMUNITY_WORKER), DemoAreas.CHENYUAN),
			new DemoUser("zhongxin", Set.of(Role.COMMUNITY_WORKER), DemoAreas.ZHONGXINCUN),
			new DemoUser("facility", Set.of(Role.FACILITY_STAFF), DemoAreas.DISTRICT),
			new DemoUser("enterprise", Set.of(Role.ENTERPRISE_LIAISON), DemoAreas.DISTRICT),
			new DemoUser("volunteer", Set.of(Role.VOLUNTEER), DemoAreas.BILINWAN));

	record DemoUser(String username, Set<Role> roles, String scope) {
	}

	private final DemoProperties properties;

	private final Areas areas;

	private final Users users;

	private final Residents residents;

	DemoDistrict(DemoProperties properties, Areas areas, Users users, Residents residents) {
		this.properties = properties;
		this.areas = areas;
		this.users = users;
		this.residents = residents;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.enabled()) {
			return;
		}
		if (areas.find(DemoAreas.DISTRICT).isPresent()) {
			log.info("Demo district already loaded; keeping its data.");
			return;
		}
		long started = System.nanoTime();
		areas.add(DemoAreas.all());
		for (DemoUser user : USERS) {
			users.createWithoutPolicy(new NewUser(user.username(), properties.password(), user.roles(), user.scope()));
		}
		int target = Math.max(0, Math.min(properties.residents(), 2_000_000));
		ResidentGenerator generator = new ResidentGenerator(properties.seed(), DemoAreas.compounds());
		int loaded = 0;
		while (loaded < target) {
			int count = Math.min(CHUNK, target - loaded);
			ImportReport report = residents.load(generator.next(count), DemoAreas.CITY);
			if (report.rejected() > 0) {
				throw new IllegalStateException("Generated residents were rejected: " + report.errors().get(0));
			}
			loaded += count;
		}
		log.info("Demo district loaded: {} areas, {} users, {} residents in {} ms", DemoAreas.all().size(),
				USERS.size(), loaded, (System.nanoTime() - started) / 1_000_000);
	}
}
