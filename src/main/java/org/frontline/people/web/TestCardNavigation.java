package org.frontline.people.web;

import java.util.Set;

import org.frontline.shared.NavItem;
import org.frontline.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TestCardNavigation {

	@Bean
	NavItem testCardsNav() {
		return new NavItem(32, "/people/cards", "testing.nav.cards", "testing.nav.cards.hint",
				Set.of(Role.ADMIN, Role.COMMUNITY_WORKER));
	}
}
