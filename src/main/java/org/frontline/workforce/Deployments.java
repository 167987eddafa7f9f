package org.frontline.workforce;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.frontline.audit.AuditLog;
import org.frontline.shared.Problem;
import org.frontline.shared.Validation;
import org.frontline.shared.Viewer;
import org.frontline.workforce.internal.DeploymentRepository;
import org.frontline.workforce.internal.PostDirectory;
import org.frontline.workforce.internal.WorkerRepository;
import org.frontline.workforce.internal.WorkforceAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sending workers to posts for a range of days. A worker is at one post at a time: a deployment that shares a day
 * with another of theirs is refused.
 */
@Service
public class Deployments {

	static final int MAX_DAYS = 366;

	private final DeploymentRepository repository;

	private final WorkerRepository workers;

	private final PostDirectory posts;

	private final WorkforceAccess access;

	private final Validation validation;

	private final AuditLog auditLog;

	private final Clock clock;

	Deployments(DeploymentRepository repository, WorkerRepository workers, PostDirectory posts, WorkforceAccess access,
			Validation validation, AuditLog auditLog, Clock clock) {
		this.repository = repository;
		this.workers = workers;
		this.posts = posts;
		this.access = access;
		this.validation = validation;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/**
	 * Deploys many workers at once (the demo district, a bench), with no caller: each to the post at the same index,
	 * all for the same days; a worker already deployed on one of those days is left where they are. Returns how many
	 * were deployed.
	 */
	@Transactional
	public int load(List<Long> workerIds, List<PostRef> places, LocalDate from, LocalDate to) {
		java.util.Map<PostRef, Post> resolved = new java.util.HashMap<>();
		List<Long> workersToDeploy = new java.util.ArrayList<>();
		List<Long> postIds = new java.util.ArrayList<>();
		java.util.Set<Long> busy = new java.util.HashSet<>(repository.deployedAmong(workerIds, from, to));
		for (int i = 0; i < workerIds.size(); i++) {
			if (busy.contains(workerIds.get(i))) {
				continue;
			}
			workersToDeploy.add(workerIds.get(i));
			postIds.add(resolved.computeIfAbsent(places.get(i), ref -> posts.resolve(ref, "post")).id());
		}
		return repository.insertAll(workersToDeploy, postIds, from, to, "demo");
	}

	@Transactional
	public Deployment deploy(NewDeployment form) {
		Viewer viewer = access.manager();
		validation.check(form);
		Worker worker = access.visible(viewer, form.workerId());
		if (!access.manages(viewer, worker)) {
			throw WorkforceAccess.notFound(worker.id());
		}
		if (form.to().isBefore(form.from())) {
			throw Problem.invalid("to", "workforce.deployment.to-before-from");
		}
		if (form.to().toEpochDay() - form.from().toEpochDay() >= MAX_DAYS) {
			throw Problem.invalid("to", "workforce.deployment.too-long", MAX_DAYS);
		}
		if (form.to().isBefore(LocalDate.now(clock))) {
			throw Problem.invalid("to", "workforce.deployment.in-the-past");
		}
		Post post = posts.resolve(form.post(), "post");
		if (!access.sees(viewer, post)) {
			throw Problem.invalid("post.id", "workforce.post.outside-scope", post.name());
		}
		workers.lock(worker.id());
		List<Deployment> overlapping = repository.overlapping(worker.id(), form.from(), form.to());
		if (!overlapping.isEmpty()) {
			Deployment other = overlapping.get(0);
			throw Problem.conflict("already-deployed", "workforce.deployment.overlaps", worker.name(),
					other.post().name(), other.from().toString(), other.to().toString());
		}
		long id = repository.insert(worker.id(), post.id(), form.from(), form.to(), viewer.username());
		auditLog.record("DEPLOYMENT_CREATE", "workforce_deployment", id, post.kind() + " " + post.ref());
		return repository.find(id).orElseThrow();
	}

	/** The workers deployed at a post on a day (whom its roster can assign), by name. */
	@Transactional(readOnly = true)
	public List<Deployment> atPost(Post post, LocalDate day) {
		Viewer viewer = access.reader();
		if (!access.sees(viewer, post)) {
			throw Problem.notFound("workforce.post.not-found", post.id());
		}
		return repository.atPostOn(post.id(), day);
	}
}
