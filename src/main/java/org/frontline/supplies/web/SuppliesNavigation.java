package org.frontline.supplies.web;

import java.util.Set;

import org.frontline.shared.NavItem;
import org.frontline.shared.Role;
import org.frontline.supplies.Ledger;
import org.frontline.supplies.Stock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SuppliesNavigation {

	@Bean
	NavItem suppliesStockNav() {
		return new NavItem(60, "/supplies", "supplies.nav.stock", "supplies.nav.stock.hint", Set.of(Stock.READERS));
	}

	@Bean
	NavItem suppliesRequestsNav() {
		return new NavItem(61, "/supplies/requests", "supplies.nav.requests", "supplies.nav.requests.hint",
				Set.of(Stock.READERS));
	}

	@Bean
	NavItem suppliesReceiveNav() {
		return new NavItem(62, "/supplies/receive", "supplies.nav.receive", "supplies.nav.receive.hint",
				Set.of(Ledger.WRITERS));
	}

	@Bean
	NavItem suppliesDonationsNav() {
		return new NavItem(63, "/supplies/donations", "supplies.nav.donations", "supplies.nav.donations.hint",
				Set.of(Ledger.WRITERS));
	}
}
