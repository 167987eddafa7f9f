package org.frontline.enterprise.internal;

import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Workplace;

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

	private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("[\\p{Cntrl}\\p{Cs}\\x{FFFD}]");

	private static final java.util.regex.Pattern CONTROL_BUT_LINES = java.util.regex.Pattern
		.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]|[\\p{Cs}\\x{FFFD}]");

	private EnterpriseAccess() {
	}

	/** A text of one line holds no control character (nor a broken one); null is fine. */
	public static boolean plain(String text) {
		return text == null || !CONTROL.matcher(text).find();
	}

	/** A text of several lines holds no control character but line breaks and tabs; null is fine. */
	public static boolean plainLines(String text) {
		return text == null || !CONTROL_BUT_LINES.matcher(text).find();
	}

	public static boolean sees(Viewer viewer, long enterpriseId, String area) {
		Long place = viewer.place(Workplace.ENTERPRISE);
		if (place != null) {
			return place == enterpriseId;
		}
		return viewer.covers(area);
	}
}
