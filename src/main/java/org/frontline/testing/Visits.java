package org.frontline.testing;

import java.util.function.Consumer;

import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.testing.internal.RoundRepository;
import org.frontline.testing.internal.VisitQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The check-in and sample times of a round's visits, read-only and set-based, for the command centre to compare a
 * round with its plan: every live sample with the check-in before it at the same site, and every check-in (without
 * fever) nobody has swabbed since. Only sites inside the viewer's scope.
 */
@Service
public class Visits {

	private final RoundRepository rounds;

	private final VisitQueries queries;

	Visits(RoundRepository rounds, VisitQueries queries) {
		this.rounds = rounds;
		this.queries = queries;
	}

	/** Hands every visit of the round to {@code each}, in no particular order, without holding them all in memory. */
	@Transactional(readOnly = true)
	public void forEach(long roundId, Consumer<Visit> each) {
		Viewer viewer = Viewers.requireAny(Role.ADMIN, Role.COMMANDER);
		rounds.find(roundId)
			.filter(round -> Rounds.touches(viewer, round))
			.orElseThrow(() -> Problem.notFound("testing.round.not-found", roundId));
		queries.visits(roundId, viewer.scopeLow(), viewer.scopeHigh(), each);
	}
}
