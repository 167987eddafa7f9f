package org.frontline.supplies.internal;

import java.util.Optional;

import org.frontline.shared.ScopeTarget;
import org.frontline.shared.Workplace;
import org.frontline.supplies.Warehouse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Warehouse keepers are limited to one warehouse. */
@Configuration(proxyBeanMethods = false)
class SuppliesScopeTargets {

	@Bean
	ScopeTarget warehouseScopeTarget(StockPlaceRepository places) {
		return new ScopeTarget() {
			@Override
			public Workplace kind() {
				return Workplace.WAREHOUSE;
			}

			@Override
			public Optional<String> areaOf(long id) {
				return places.warehouse(id).map(Warehouse::area);
			}
		};
	}
}
