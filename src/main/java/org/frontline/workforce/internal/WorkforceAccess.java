package org.frontline.workforce.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.frontline.shared.AreaCodes;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.shared.Workplace;
import org.frontline.workforce.Post;
import org.frontline.workforce.PostKind;
import org.frontline.workforce.Worker;
import org.frontline.workforce.internal.WorkerRepository.Reach;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what in the workforce. Coordinators, commanders and administrators manage workers, posts and
 * shifts inside their area; a coordinator limited to a unit sees that unit's cadres only; a site leader sees the
 * posts of their site and the people assigned there; a community worker sees the workers of their community; and
 * every signed-in worker sees themselves (their account is on their worker record). What is outside a viewer's
 * reach is not found.
 */
@Component
public class WorkforceAccess {

	public static final Role[] MANAGERS = { Role.ADMIN, Role.COMMANDER, Role.WORKFORCE_COORDINATOR };

	public static final Role[] READERS = { Role.ADMIN, Role.COMMANDER, Role.WORKFORCE_COORDINATOR,
			Role.COMMUNITY_WORKER, Role.SITE_LEADER };

	private final WorkerRepository workers;

	private final PostRepository posts;

	private final Clock clock;

	WorkforceAccess(WorkerRepository workers, PostRepository posts, Clock clock) {
		this.workers = workers;
		this.posts = posts;
		this.clock = clock;
	}

	public Viewer manager() {
		return Viewers.requireAny(MANAGERS);
	}

	public Viewer reader() {
		return Viewers.requireAny(READERS);
	}

	/** The unit the viewer is limited to, or null. */
	public static Long unitOf(Viewer viewer) {
		return viewer.place(Workplace.UNIT);
	}

	/** The workers a viewer reaches (besides themselves). */
	public Reach reach(Viewer viewer) {
		LocalDate today = LocalDate.now(clock);
		if (!viewer.hasAny(READERS)) {
			return new Reach(null, null, null, null, viewer.username(), today);
		}
		Long unit = unitOf(viewer);
		if (unit != null) {
			return new Reach(unit, null, null, null, viewer.username(), today);
		}
		for (PostKind kind : PostKind.values()) {
			Long id = kind.workplace() == null ? null : viewer.place(kind.workplace());
			if (id != null) {
				long post = posts.byPlace(kind, id.toString()).map(Post::id).orElse(-1L);
				return new Reach(null, post, null, null, viewer.username(), today);
			}
		}
		return new Reach(null, null, viewer.scopeLow(), viewer.scopeHigh(), viewer.username(), today);
	}

	/** Whether the viewer's work covers a post: its place for staff of one place, its area otherwise. */
	public boolean sees(Viewer viewer, Post post) {
		for (PostKind kind : PostKind.values()) {
			Long id = kind.workplace() == null ? null : viewer.place(kind.workplace());
			if (id != null) {
				return post.kind() == kind && post.ref().equals(id.toString());
			}
		}
		return viewer.covers(post.area());
	}

	/** A worker inside the viewer's reach (or the viewer themselves); others are not found. */
	public Worker visible(Viewer viewer, long workerId) {
		Worker worker = workers.find(workerId).orElseThrow(() -> notFound(workerId));
		if (isSelf(viewer, worker) || viewer.hasAny(READERS) && workers.within(workerId, reach(viewer))) {
			return worker;
		}
		throw notFound(workerId);
	}

	public static boolean isSelf(Viewer viewer, Worker worker) {
		return worker.account() != null && worker.account().equals(viewer.username());
	}

	/** Whether a manager may change the worker: inside their reach, and of their unit for a unit's coordinator. */
	public boolean manages(Viewer viewer, Worker worker) {
		if (!viewer.hasAny(MANAGERS)) {
			return false;
		}
		Long unit = unitOf(viewer);
		if (unit != null) {
			return unit.equals(worker.unit());
		}
		return AreaCodes.contains(viewer.scopeArea(), worker.area()) || workers.within(worker.id(), reach(viewer));
	}

	public static Problem notFound(long workerId) {
		return Problem.notFound("workforce.worker.not-found", workerId);
	}
}
