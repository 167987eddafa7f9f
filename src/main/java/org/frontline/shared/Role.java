package org.frontline.shared;

/** What a user does on the front line; a user can hold several roles. */
public enum Role {

	ADMIN, COMMANDER, SITE_LEADER, REGISTRAR, LAB, COMMUNITY_WORKER, FACILITY_STAFF, ENTERPRISE_LIAISON, VOLUNTEER,
	WORKFORCE_COORDINATOR, WAREHOUSE_KEEPER;

}
