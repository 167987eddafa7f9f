package org.frontline.workforce;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.frontline.area.Area;
import org.frontline.area.AreaLevel;
import org.frontline.area.Areas;
import org.frontline.shared.AreaCodes;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.workforce.internal.PostRepository;
import org.frontline.workforce.internal.ShiftRepository;
import org.frontline.workforce.internal.StaffingQueries;
import org.frontline.workforce.internal.StaffingQueries.PostRole;
import org.frontline.workforce.internal.WorkerRepository;
import org.frontline.workforce.internal.WorkforceAccess;
import org.frontline.workforce.internal.WorkforceSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is on duty now: per post, community, subdistrict and district, counts by role and the gaps (the people the
 * shifts under way need minus those checked in for them).
 */
@Service
public class Staffing {

	private final StaffingQueries queries;

	private final PostRepository posts;

	private final ShiftRepository shifts;

	private final WorkforceAccess access;

	private final WorkerRepository workers;

	private final WorkforceSettings settings;

	private final Areas areas;

	private final Clock clock;

	Staffing(StaffingQueries queries, PostRepository posts, ShiftRepository shifts, WorkerRepository workers,
			WorkforceAccess access, WorkforceSettings settings, Areas areas, Clock clock) {
		this.queries = queries;
		this.posts = posts;
		this.shifts = shifts;
		this.workers = workers;
		this.access = access;
		this.settings = settings;
		this.areas = areas;
		this.clock = clock;
	}

	/**
	 * A coordinator's figures for their home page: on duty now and gaps in their area, the day's no-shows (a worker
	 * not checked in once the no-show grace has passed) and the volunteers waiting; of a unit coordinator, their
	 * unit's people on duty and no-shows.
	 */
	@Transactional(readOnly = true)
	public DutyFigures figures() {
		Viewer viewer = Viewers.requireAny(Role.WORKFORCE_COORDINATOR);
		Instant now = clock.instant();
		Instant dayStart = LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant();
		Long unit = WorkforceAccess.unitOf(viewer);
		if (unit != null) {
			return new DutyFigures(queries.onDutyOfUnit(unit, now), null,
					queries.noShowsSince(null, null, unit, dayStart, now, settings.noShowAfter()), null);
		}
		String low = viewer.scopeLow();
		String high = viewer.scopeHigh();
		Totals totals = totals(queries.underWay(low, high, null, now));
		return new DutyFigures(totals.onDuty, (long) totals.gap,
				queries.noShowsSince(low, high, null, dayStart, now, settings.noShowAfter()),
				workers.countPending(viewer.scopeLow(), viewer.scopeHigh()));
	}

	/** Who is on duty now inside an area (the viewer's own when none is given); staff of one place see that place. */
	@Transactional(readOnly = true)
	public OnDuty onDuty(String areaCode) {
		Viewer viewer = access.reader();
		String code = areaCode == null || areaCode.isBlank() ? viewer.scopeArea() : areaCode.strip();
		Area root = areas.visible(viewer, code);
		String prefix = AreaCodes.prefix(root.code());
		Instant now = clock.instant();
		List<PostRole> rows = queries.underWay(prefix, AreaCodes.upperBound(prefix), null, now)
			.stream()
			.filter(r -> access.sees(viewer, new Post(r.postId(), r.kind(), r.ref(), r.postName(), r.area(), null)))
			.toList();
		List<PostDuty> postDuties = new ArrayList<>();
		Map<Long, List<PostRole>> byPost = new LinkedHashMap<>();
		rows.forEach(r -> byPost.computeIfAbsent(r.postId(), k -> new ArrayList<>()).add(r));
		byPost.forEach((id, roles) -> {
			PostRole first = roles.get(0);
			Totals totals = totals(roles);
			postDuties.add(new PostDuty(id, first.postName(), first.kind(), first.area(), totals.needed, totals.onDuty,
					totals.gap, totals.roles()));
		});
		List<AreaDuty> areaDuties = new ArrayList<>();
		for (Area area : areas.inside(root.code())) {
			if (area.code().equals(root.code()) || area.level() == AreaLevel.COMPOUND) {
				continue;
			}
			List<PostRole> inside = rows.stream().filter(r -> AreaCodes.contains(area.code(), r.area())).toList();
			Totals totals = totals(inside);
			areaDuties.add(new AreaDuty(area.code(), area.name(), area.level(), totals.needed, totals.onDuty, totals.gap,
					totals.roles()));
		}
		Totals all = totals(rows);
		return new OnDuty(root.code(), root.name(), now, all.needed, all.onDuty, all.gap, all.roles(), areaDuties,
				postDuties);
	}

	/**
	 * The shifts started in {@code [from, to)} at the posts inside the area codes {@code [low, high)}, per post area:
	 * for the command centre's daily report (no viewer).
	 */
	@Transactional(readOnly = true)
	public List<StaffedShifts> staffed(String low, String high, Instant from, Instant to) {
		return queries.staffed(low, high, from, to);
	}

	/** Who is on duty at a sampling site now, and its shifts under way: for the site's live page. */
	@Transactional(readOnly = true)
	public Optional<SiteStaff> atSite(long siteId) {
		Viewer viewer = access.reader();
		Optional<Post> post = posts.byPlace(PostKind.SITE, Long.toString(siteId)).filter(p -> access.sees(viewer, p));
		if (post.isEmpty()) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		String prefix = AreaCodes.prefix(post.get().area());
		List<PostRole> rows = queries.underWay(prefix, AreaCodes.upperBound(prefix), post.get().id(), now);
		Totals totals = totals(rows);
		PostDuty duty = new PostDuty(post.get().id(), post.get().name(), PostKind.SITE, post.get().area(), totals.needed,
				totals.onDuty, totals.gap, totals.roles());
		return Optional.of(new SiteStaff(duty, shifts.underWay(List.of(post.get().id()), now)));
	}

	/** A site's staff now: the counts and gaps, and the shifts under way with who is checked in. */
	public record SiteStaff(PostDuty duty, List<Shift> shifts) {
	}

	private record Totals(int needed, int onDuty, int gap, List<RoleCount> roles) {
	}

	private static Totals totals(List<PostRole> rows) {
		Map<ShiftRole, int[]> byRole = new EnumMap<>(ShiftRole.class);
		for (PostRole row : rows) {
			int[] counts = byRole.computeIfAbsent(row.role(), k -> new int[3]);
			counts[0] += row.needed();
			counts[1] += row.onDuty();
			counts[2] += Math.max(0, row.needed() - row.onDuty());
		}
		List<RoleCount> roles = new ArrayList<>();
		int needed = 0;
		int onDuty = 0;
		int gap = 0;
		for (Map.Entry<ShiftRole, int[]> entry : byRole.entrySet()) {
			int[] c = entry.getValue();
			roles.add(new RoleCount(entry.getKey(), c[0], c[1], c[2]));
			needed += c[0];
			onDuty += c[1];
			gap += c[2];
		}
		return new Totals(needed, onDuty, gap, roles);
	}
}
