package org.frontline.workforce;

import java.time.Instant;
import java.util.List;

/**
 * Who is on duty now inside an area: the whole area, every subdistrict and community in it, and every post, each with
 * counts by role and the gaps (the people the shifts under way need minus those checked in).
 */
public record OnDuty(String area, String areaName, Instant at, int needed, int onDuty, int gap, List<RoleCount> roles,
		List<AreaDuty> areas, List<PostDuty> posts) {
}
