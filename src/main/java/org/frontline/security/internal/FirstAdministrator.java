package org.frontline.security.internal;

import java.security.SecureRandom;
import java.util.List;
import java.util.Set;

import org.frontline.area.Areas;
import org.frontline.area.NewArea;
import org.frontline.security.NewUser;
import org.frontline.security.Users;
import org.frontline.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outside demo mode there are no default credentials: at the first start the administrator's password comes from
 * {@code FRONTLINE_ADMIN_PASSWORD}, or is generated and printed once.
 */
@Component
@Order(20)
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final Users users;

	private final Areas areas;

	private final boolean demo;

	private final String password;

	private final String rootArea;

	private final String rootAreaName;

	FirstAdministrator(Users users, Areas areas, @Value("${frontline.demo.enabled:false}") boolean demo,
			@Value("${frontline.admin.password:}") String password,
			@Value("${frontline.admin.scope:320600}") String rootArea,
			@Value("${frontline.admin.scope-name:南通市}") String rootAreaName) {
		this.users = users;
		this.areas = areas;
		this.demo = demo;
		this.password = password;
		this.rootArea = rootArea;
		this.rootAreaName = rootAreaName;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (demo || users.any()) {
			return;
		}
		if (areas.find(rootArea).isEmpty()) {
			areas.add(List.of(new NewArea(rootArea, rootAreaName, null, null)));
		}
		boolean generated = password == null || password.isBlank();
		String secret = generated ? generate() : password;
		users.createWithoutPolicy(new NewUser("admin", secret, Set.of(Role.ADMIN), rootArea));
		if (generated) {
			log.warn("\n\n    First start: created user 'admin' with password {}\n    It is shown only this once.\n",
					secret);
		}
		else {
			log.info("First start: created user 'admin' with the password from configuration.");
		}
	}

	private static String generate() {
		String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
		SecureRandom random = new SecureRandom();
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return sb.toString();
	}
}
