package org.frontline.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.frontline.audit.AuditLog;
import org.frontline.shared.Page;
import org.frontline.testing.internal.RosterRepository;
import org.frontline.testing.internal.RoundRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rounds over a roster instead of the residents of areas (a closed-loop enterprise's staff, tested every day): people
 * are sampled in them at sites as in any round, and who is not yet tested comes from the same samples and exemptions
 * as an area's not-yet-tested list. The module that keeps the roster decides who may change it or read it; these
 * methods check no viewer.
 */
@Service
public class RosterRounds {

	private final RoundRepository rounds;

	private final RosterRepository repository;

	private final AuditLog auditLog;

	private final Clock clock;

	RosterRounds(RoundRepository rounds, RosterRepository repository, AuditLog auditLog, Clock clock) {
		this.rounds = rounds;
		this.repository = repository;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** Who in a roster round is in scope, sampled, and exempted without being sampled. */
	public record RosterCoverage(long members, long sampled, long exempted) {

		public long missing() {
			return members - sampled - exempted;
		}
	}

	/** Opens a round over these people; its area is where it is seen (the enterprise's), not whom it covers. */
	@Transactional
	public Round open(String name, String area, Instant startsAt, Instant endsAt, int poolSize,
			Collection<Long> members) {
		long id = rounds.insert(name, List.of(area), startsAt, endsAt, poolSize);
		repository.markRoster(id);
		rounds.setStatus(id, RoundStatus.OPEN, clock.instant());
		repository.add(id, members);
		auditLog.record("ROUND_CREATE", "round", id, name);
		return rounds.find(id).orElseThrow();
	}

	@Transactional
	public int add(long roundId, Collection<Long> personIds) {
		return repository.add(roundId, personIds);
	}

	/** Takes people out of a round's roster unless they were sampled in it (then they stay counted as tested). */
	@Transactional
	public int removeUnsampled(long roundId, Collection<Long> personIds) {
		return repository.removeUnsampled(roundId, personIds);
	}

	@Transactional(readOnly = true)
	public boolean isRoster(long roundId) {
		return repository.isRoster(roundId);
	}

	/** Members, sampled and exempted per round (rounds without members are left out). */
	@Transactional(readOnly = true)
	public Map<Long, RosterCoverage> coverage(Collection<Long> roundIds) {
		Map<Long, RosterCoverage> coverage = new java.util.HashMap<>();
		repository.counts(roundIds)
			.forEach((id, c) -> coverage.put(id, new RosterCoverage(c.members(), c.sampled(), c.exempted())));
		return coverage;
	}

	/** People sampled in each round, from the round's coverage counters (cheap for many rounds at once). */
	@Transactional(readOnly = true)
	public Map<Long, Long> sampled(Collection<Long> roundIds) {
		return repository.sampled(roundIds);
	}

	/** Members neither sampled nor exempted, by name; names in full and phones masked as in a community's list. */
	@Transactional(readOnly = true)
	public Page<MissingPerson> missing(long roundId, int page, int size) {
		int limit = Math.max(1, Math.min(size <= 0 ? 50 : size, 5_000));
		long offset = (long) Math.max(0, page) * limit;
		return new Page<>(repository.missing(roundId, limit, offset), repository.missingCount(roundId));
	}

	/** Each of these people's latest sampling since {@code since} whose result was negative. */
	@Transactional(readOnly = true)
	public Map<Long, Instant> negativeSince(Collection<Long> personIds, Instant since) {
		return repository.latestNegative(personIds, since);
	}
}
