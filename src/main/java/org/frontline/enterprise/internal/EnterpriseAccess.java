package org.frontline.enterprise.internal;

import org.frontline.shared.Role;
import org.frontline.shared.Viewer;

/**
 * Who sees an enterprise: a liaison scoped to an enterprise sees that one only; district staff see the enterprises of
 * their area.
 */
public final class EnterpriseAccess {

	/** May read enterprises and loops (inside their scope). */
	public static final Role[] READERS = { Role.ADMIN, Role.COMMANDER, Role.ENTERPRISE_LIAISON };

	/** May register enterprises and start or lift loops. */
	public static final Role[] DISTRICT = { Role.ADMIN, Role.COMMANDER };

	/** May keep a loop's roster, tests and report. */
	public static final Role[] KEEPERS = { Role.ADMIN, Role.COMMANDER, Role.ENTERPRISE_LIAISON };

	private EnterpriseAccess() {
	}

	public static boolean sees(Viewer viewer, long enterpriseId, String area) {
		Long place = viewer.place("enterprise");
		if (place != null) {
			return place == enterpriseId;
		}
		return viewer.covers(area);
	}
}
