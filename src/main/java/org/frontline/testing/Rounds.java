package org.frontline.testing;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;

import org.frontline.area.Areas;
import org.frontline.audit.AuditLog;
import org.frontline.shared.AreaCodes;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Validation;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.testing.internal.RoundRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Testing rounds: planned by the command centre, opened for sampling, closed. */
@Service
public class Rounds {

	static final Role[] PLANNERS = { Role.ADMIN, Role.COMMANDER };

	private final RoundRepository repository;

	private final Areas areas;

	private final AuditLog auditLog;

	private final Validation validation;

	private final Clock clock;

	Rounds(RoundRepository repository, Areas areas, AuditLog auditLog, Validation validation, Clock clock) {
		this.repository = repository;
		this.areas = areas;
		this.auditLog = auditLog;
		this.validation = validation;
		this.clock = clock;
	}

	@Transactional
	public Round plan(NewRound round) {
		Viewer viewer = Viewers.requireAny(PLANNERS);
		Problem.Errors errors = new Problem.Errors().addAll(validation.errors(round));
		if (round == null) {
			errors.throwIfAny();
		}
		List<String> codes = round.areas() == null ? List.of()
				: List.copyOf(new LinkedHashSet<>(round.areas().stream().map(a -> a == null ? "" : a.strip()).toList()));
		for (String code : codes) {
			if (!AreaCodes.wellFormed(code) || areas.find(code).isEmpty()) {
				errors.add("areas", "area.not-found", code);
			}
			else if (!viewer.covers(code)) {
				errors.add("areas", "area.outside-scope", code);
			}
		}
		if (round.startsAt() != null && round.endsAt() != null && !round.endsAt().isAfter(round.startsAt())) {
			errors.add("endsAt", "testing.round.ends-before-start");
		}
		int poolSize = round.poolSize() == null ? 10 : round.poolSize();
		if (poolSize != 1 && poolSize != 5 && poolSize != 10 && poolSize != 20) {
			errors.add("poolSize", "testing.round.pool-size");
		}
		errors.throwIfAny();
		long id = repository.insert(round.name().strip(), codes, round.startsAt(), round.endsAt(), poolSize);
		auditLog.record("ROUND_CREATE", "round", id, round.name());
		return repository.find(id).orElseThrow();
	}

	@Transactional
	public Round open(long id) {
		return move(id, RoundStatus.PLANNED, RoundStatus.OPEN);
	}

	@Transactional
	public Round close(long id) {
		return move(id, RoundStatus.OPEN, RoundStatus.CLOSED);
	}

	@Transactional(readOnly = true)
	public Round get(long id) {
		Viewer viewer = Viewers.require();
		return visible(viewer, repository.find(id).orElseThrow(() -> Problem.notFound("testing.round.not-found", id)), id);
	}

	/** Rounds touching the viewer's scope, newest first. */
	@Transactional(readOnly = true)
	public List<Round> list() {
		Viewer viewer = Viewers.require();
		return repository.all().stream().filter(r -> touches(viewer, r)).toList();
	}

	private Round move(long id, RoundStatus from, RoundStatus to) {
		Viewer viewer = Viewers.requireAny(PLANNERS);
		Round round = visible(viewer, repository.lock(id).orElseThrow(() -> Problem.notFound("testing.round.not-found", id)), id);
		if (round.status() == to) {
			return round;
		}
		if (round.status() != from) {
			throw Problem.conflict("round-" + round.status().name().toLowerCase(), "testing.round.status", id,
					round.status(), from, to);
		}
		repository.setStatus(id, to, clock.instant());
		auditLog.record(to == RoundStatus.OPEN ? "ROUND_OPEN" : "ROUND_CLOSE", "round", id, null);
		return repository.find(id).orElseThrow();
	}

	private static Round visible(Viewer viewer, Round round, long id) {
		if (!touches(viewer, round)) {
			throw Problem.notFound("testing.round.not-found", id);
		}
		return round;
	}

	/** A round concerns a viewer whose scope overlaps one of its areas (inside it, or containing it). */
	static boolean touches(Viewer viewer, Round round) {
		return round.areas().stream().anyMatch(a -> viewer.covers(a) || AreaCodes.contains(a, viewer.scopeArea()));
	}
}
