package org.frontline.zones.web;

import static org.frontline.shared.Role.ADMIN;
import static org.frontline.shared.Role.COMMANDER;
import static org.frontline.shared.Role.COMMUNITY_WORKER;
import static org.frontline.shared.Role.ENTERPRISE_LIAISON;
import static org.frontline.shared.Role.REGISTRAR;
import static org.frontline.shared.Role.SITE_LEADER;

import org.frontline.shared.ApiAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call the zones API at all: the command writes; notices and rules (public anyway) are read by front-line
 * staff; zones, the board and proposals by those who work an area. The services then check each call's area.
 */
@Configuration(proxyBeanMethods = false)
class ZonesApiAccess {

	@Bean
	ApiAccess noticesWriteApi() {
		return ApiAccess.of(HttpMethod.POST, "/api/v1/notices/**", ADMIN, COMMANDER);
	}

	@Bean
	ApiAccess noticesReadApi() {
		return ApiAccess.of(HttpMethod.GET, "/api/v1/notices/**", ADMIN, COMMANDER, COMMUNITY_WORKER, SITE_LEADER,
				REGISTRAR, ENTERPRISE_LIAISON);
	}

	@Bean
	ApiAccess zoneRulesWriteApi() {
		return ApiAccess.of(HttpMethod.POST, "/api/v1/zone-rules/**", ADMIN, COMMANDER);
	}

	@Bean
	ApiAccess zoneRulesReadApi() {
		return ApiAccess.of(HttpMethod.GET, "/api/v1/zone-rules/**", ADMIN, COMMANDER, COMMUNITY_WORKER, SITE_LEADER,
				REGISTRAR, ENTERPRISE_LIAISON);
	}

	@Bean
	ApiAccess zonesWriteApi() {
		return ApiAccess.of(HttpMethod.POST, "/api/v1/zones/**", ADMIN, COMMANDER);
	}

	@Bean
	ApiAccess zonesReadApi() {
		return ApiAccess.of(HttpMethod.GET, "/api/v1/zones/**", ADMIN, COMMANDER, COMMUNITY_WORKER);
	}

	@Bean
	ApiAccess zoneProposalsWriteApi() {
		return ApiAccess.of(HttpMethod.POST, "/api/v1/zone-proposals/**", ADMIN, COMMANDER);
	}

	@Bean
	ApiAccess zoneProposalsReadApi() {
		return ApiAccess.of(HttpMethod.GET, "/api/v1/zone-proposals/**", ADMIN, COMMANDER, COMMUNITY_WORKER);
	}
}
