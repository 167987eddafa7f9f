package org.frontline.security;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.frontline.security.internal.AttemptRepository;
import org.frontline.security.internal.AttemptRepository.Counter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attempts that must not be guessed at speed (sign-ins, residents' public look-ups), counted in the database so that
 * the limits hold across every instance. An attempt is reserved before it is evaluated, as a failure, and the check
 * and the count are one transaction under row locks: parallel attempts cannot pass a limit together. A success then
 * gives its reservation back.
 */
@Service
public class Attempts {

	private final AttemptRepository counters;

	Attempts(AttemptRepository counters) {
		this.counters = counters;
	}

	/**
	 * Counts one attempt under every limit, if every limit lets it through now; otherwise counts nothing and answers
	 * how long the caller must wait.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Optional<Duration> reserve(Instant at, List<AttemptLimit> limits) {
		// The database keeps microseconds: compare in what it keeps, or a rounded time could wait a microsecond more.
		Instant now = at.truncatedTo(ChronoUnit.MICROS);
		Map<String, AttemptLimit> byKey = limits.stream()
			.collect(Collectors.toMap(AttemptLimit::key, l -> l, (a, b) -> a));
		List<Counter> locked = counters.lock(byKey.keySet(), now);
		Optional<Duration> wait = locked.stream()
			.map(counter -> waitFor(byKey.get(counter.key()), counter, now))
			.filter(d -> !d.isZero())
			.max(Comparator.naturalOrder());
		if (wait.isEmpty()) {
			counters.save(locked.stream()
				.map(counter -> new Counter(counter.key(), failuresNow(byKey.get(counter.key()), counter, now) + 1, now))
				.toList());
		}
		return wait;
	}

	/** Gives back the attempt reserved under these limits: it succeeded. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void succeeded(List<AttemptLimit> limits) {
		counters.reset(limits.stream().filter(AttemptLimit::resetBySuccess).map(AttemptLimit::key).toList());
		counters.giveBack(limits.stream().filter(l -> !l.resetBySuccess()).map(AttemptLimit::key).toList());
	}

	/** Forgets counters nobody has used for longer than {@code idle}: the table keeps only what still limits. */
	@Transactional
	public int forgetIdle(Instant now, Duration idle) {
		return counters.deleteUnusedSince(now.minus(idle));
	}

	private static int failuresNow(AttemptLimit limit, Counter counter, Instant now) {
		return counter.lastAttempt().plus(limit.forgetAfter()).isBefore(now) ? 0 : counter.failures();
	}

	private static Duration waitFor(AttemptLimit limit, Counter counter, Instant now) {
		Duration delay = limit.delayAfter(failuresNow(limit, counter, now));
		if (delay.isZero()) {
			return Duration.ZERO;
		}
		Instant next = counter.lastAttempt().plus(delay);
		return next.isAfter(now) ? Duration.between(now, next) : Duration.ZERO;
	}
}
