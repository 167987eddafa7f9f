package org.frontline.workforce;

import java.util.List;

import org.frontline.area.AreaLevel;

/** Who is on duty now at the posts inside one area (a subdistrict, a community): per role and in total, with gaps. */
public record AreaDuty(String code, String name, AreaLevel level, int needed, int onDuty, int gap,
		List<RoleCount> roles) {
}
