package org.frontline.testing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.frontline.area.Areas;
import org.frontline.audit.AuditLog;
import org.frontline.shared.AreaCodes;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
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

	private final Clock clock;

	Rounds(RoundRepository repository, Areas areas, AuditLog auditLog, Clock clock) {
		this.repository = repository;
		this.areas = areas;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	@Transactional
	public Round plan(NewRound round) {
		Viewer viewer = Viewers.requireAny(PLANNERS);
		List<Problem.FieldError> errors = new ArrayList<>();
		if (round.name() == null || round.name().isBlank() || round.name().length() > 100) {
			errors.add(new Problem.FieldError("name", "A round needs a name of 1 to 100 characters."));
		}
		List<String> codes = round.areas() == null ? List.of()
				: List.copyOf(new LinkedHashSet<>(round.areas().stream().map(a -> a == null ? "" : a.strip()).toList()));
		if (codes.isEmpty()) {
			errors.add(new Problem.FieldError("areas", "A round covers at least one area."));
		}
		for (String code : codes) {
			if (!AreaCodes.wellFormed(code) || areas.find(code).isEmpty()) {
				errors.add(new Problem.FieldError("areas", "Area " + code + " does not exist."));
			}
			else if (!viewer.covers(code)) {
				errors.add(new Problem.FieldError("areas", "Area " + code + " is outside your scope."));
			}
		}
		if (round.startsAt() == null) {
			errors.add(new Problem.FieldError("startsAt", "When the round starts is missing."));
		}
		if (round.endsAt() == null) {
			errors.add(new Problem.FieldError("endsAt", "When the round ends is missing."));
		}
		if (round.startsAt() != null && round.endsAt() != null && !round.endsAt().isAfter(round.startsAt())) {
			errors.add(new Problem.FieldError("endsAt", "A round ends after it starts."));
		}
		int poolSize = round.poolSize() == null ? 10 : round.poolSize();
		if (poolSize != 1 && poolSize != 5 && poolSize != 10 && poolSize != 20) {
			errors.add(new Problem.FieldError("poolSize", "A tube pools 1, 5, 10 or 20 people."));
		}
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
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
		return visible(viewer, repository.find(id).orElseThrow(() -> Problem.notFound("Round " + id)), id);
	}

	/** Rounds touching the viewer's scope, newest first. */
	@Transactional(readOnly = true)
	public List<Round> list() {
		Viewer viewer = Viewers.require();
		return repository.all().stream().filter(r -> touches(viewer, r)).toList();
	}

	private Round move(long id, RoundStatus from, RoundStatus to) {
		Viewer viewer = Viewers.requireAny(PLANNERS);
		Round round = visible(viewer, repository.lock(id).orElseThrow(() -> Problem.notFound("Round " + id)), id);
		if (round.status() == to) {
			return round;
		}
		if (round.status() != from) {
			throw Problem.conflict("round-" + round.status().name().toLowerCase(),
					"Round " + id + " is " + round.status() + "; only a " + from + " round can become " + to + ".");
		}
		repository.setStatus(id, to, clock.instant());
		auditLog.record(to == RoundStatus.OPEN ? "ROUND_OPEN" : "ROUND_CLOSE", "round", id, null);
		return repository.find(id).orElseThrow();
	}

	private static Round visible(Viewer viewer, Round round, long id) {
		if (!touches(viewer, round)) {
			throw Problem.notFound("Round " + id);
		}
		return round;
	}

	/** A round concerns a viewer whose scope overlaps one of its areas (inside it, or containing it). */
	static boolean touches(Viewer viewer, Round round) {
		return round.areas().stream().anyMatch(a -> viewer.covers(a) || AreaCodes.contains(a, viewer.scopeArea()));
	}
}
