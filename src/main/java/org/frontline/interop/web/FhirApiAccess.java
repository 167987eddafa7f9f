package org.frontline.interop.web;

import static org.frontline.shared.Role.ADMIN;
import static org.frontline.shared.Role.COMMANDER;
import static org.frontline.shared.Role.COMMUNITY_WORKER;
import static org.frontline.shared.Role.FACILITY_STAFF;
import static org.frontline.shared.Role.LAB;
import static org.frontline.shared.Role.REGISTRAR;
import static org.frontline.shared.Role.SITE_LEADER;

import org.frontline.shared.ApiAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may call the FHIR API at all; the testing and people services then bound each read by lab, site or area. */
@Configuration(proxyBeanMethods = false)
class FhirApiAccess {

	@Bean
	ApiAccess fhirMetadata() {
		return ApiAccess.open(HttpMethod.GET, "/fhir/metadata");
	}

	@Bean
	ApiAccess fhirPatients() {
		return ApiAccess.of(HttpMethod.GET, "/fhir/Patient/**", ADMIN, COMMANDER, COMMUNITY_WORKER, SITE_LEADER,
				REGISTRAR, FACILITY_STAFF);
	}

	@Bean
	ApiAccess fhirSpecimens() {
		return ApiAccess.of(HttpMethod.GET, "/fhir/Specimen/**", ADMIN, COMMANDER, SITE_LEADER, REGISTRAR, LAB,
				COMMUNITY_WORKER);
	}

	@Bean
	ApiAccess fhirGroups() {
		return ApiAccess.of(HttpMethod.GET, "/fhir/Group/**", ADMIN, COMMANDER, SITE_LEADER, REGISTRAR, LAB,
				COMMUNITY_WORKER);
	}

	@Bean
	ApiAccess fhirObservations() {
		return ApiAccess.of(HttpMethod.GET, "/fhir/Observation/**", ADMIN, COMMANDER, SITE_LEADER, REGISTRAR, LAB,
				COMMUNITY_WORKER, FACILITY_STAFF);
	}

	@Bean
	ApiAccess fhirReports() {
		return ApiAccess.of(HttpMethod.GET, "/fhir/DiagnosticReport/**", ADMIN, COMMANDER, SITE_LEADER, REGISTRAR,
				COMMUNITY_WORKER, FACILITY_STAFF);
	}

	@Bean
	ApiAccess fhirLabResults() {
		return ApiAccess.of(HttpMethod.POST, "/fhir", LAB, ADMIN);
	}

	@Bean
	ApiAccess fhirExport() {
		return ApiAccess.of(HttpMethod.GET, "/fhir/$export", ADMIN, COMMANDER);
	}

	@Bean
	ApiAccess fhirExportStatus() {
		return ApiAccess.any("/fhir/$export-poll-status/**", ADMIN, COMMANDER);
	}

	@Bean
	ApiAccess fhirExportFiles() {
		return ApiAccess.of(HttpMethod.GET, "/fhir/$export-file/**", ADMIN, COMMANDER);
	}
}
