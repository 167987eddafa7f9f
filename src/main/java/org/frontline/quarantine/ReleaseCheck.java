package org.frontline.quarantine;

import java.time.LocalDate;
import java.util.List;

/** A stay that is due for release soon, and what is still missing before it can be released. */
public record ReleaseCheck(long stayId, String room, String name, String category, String categoryName, int ruleVersion,
		LocalDate plannedRelease, boolean ready, List<Missing> missing) {
}
