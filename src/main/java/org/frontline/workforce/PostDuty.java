package org.frontline.workforce;

import java.util.List;

/** Who is on duty at one post now: per role and in total, with the gaps. */
public record PostDuty(long postId, String name, PostKind kind, String area, int needed, int onDuty, int gap,
		List<RoleCount> roles) {
}
