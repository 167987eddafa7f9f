package org.frontline.enterprise.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Optional;

import org.frontline.enterprise.Loop;
import org.frontline.testing.RosterRounds;
import org.springframework.stereotype.Component;

/**
 * Each day of a loop has a testing round over the people in the loop that day (PCR every day): made when the loop
 * starts, at the first change of a day, and by the daily job; whoever joins is added to it, whoever leaves before
 * being sampled is taken out of it.
 */
@Component
public class LoopDays {

	/** The pool size of a loop's daily tubes (10-in-1, as for the district's rounds). */
	static final int POOL_SIZE = 10;

	private final LoopRepository loops;

	private final MemberRepository members;

	private final RosterRounds rosterRounds;

	private final Clock clock;

	private final java.time.LocalTime deadline;

	LoopDays(LoopRepository loops, MemberRepository members, RosterRounds rosterRounds, Clock clock,
			@org.springframework.beans.factory.annotation.Value("${frontline.enterprise.report-deadline:18:00}") java.time.LocalTime deadline) {
		this.deadline = deadline;
		this.loops = loops;
		this.members = members;
		this.rosterRounds = rosterRounds;
		this.clock = clock;
	}

	public ZoneId zone() {
		return clock.getZone();
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/** When the daily report of a day is due ({@code frontline.enterprise.report-deadline}, district time). */
	public Instant deadline(LocalDate day) {
		return java.time.ZonedDateTime.of(day, deadline, zone()).toInstant();
	}

	/**
	 * Whether a loop's report of a day is overdue now: its deadline passed while the loop was running and it was
	 * not filed ({@code filed} says whether it was).
	 */
	public boolean overdue(Loop loop, LocalDate day, boolean filed) {
		return overdue(loop, day, filed, clock.instant());
	}

	/** Whether a loop's report of a day was overdue at {@code at} ({@code filed}: whether it was filed by then). */
	public boolean overdue(Loop loop, LocalDate day, boolean filed, Instant at) {
		Instant due = deadline(day);
		return !filed && at.isAfter(due) && loop.startsAt().isBefore(due)
				&& (loop.endsAt() == null || loop.endsAt().isAfter(due));
	}

	/** The day a loop is in now: today, or its first day when it begins later. */
	public LocalDate current(Loop loop) {
		LocalDate first = loop.startsAt().atZone(zone()).toLocalDate();
		LocalDate today = today();
		return first.isAfter(today) ? first : today;
	}

	/** The round of a loop's day, made with the people in the loop now when there is none; call with the loop locked. */
	public long round(Loop loop, LocalDate day) {
		Optional<Long> existing = loops.dayRound(loop.id(), day);
		if (existing.isPresent()) {
			return existing.get();
		}
		Instant start = day.atStartOfDay(zone()).toInstant();
		Instant end = day.plusDays(1).atStartOfDay(zone()).toInstant();
		String name = loop.enterpriseName() + " " + day + " 闭环检测";
		long round = rosterRounds.open(name, loop.area(), start, end, POOL_SIZE, members.inLoop(loop.id())).id();
		loops.insertDay(loop.id(), day, round);
		return round;
	}

	public Optional<Long> existingRound(long loopId, LocalDate day) {
		return loops.dayRound(loopId, day);
	}

	public void joined(Loop loop, Collection<Long> people) {
		long round = round(loop, current(loop));
		rosterRounds.add(round, people);
	}

	public void left(Loop loop, Collection<Long> people) {
		loops.dayRound(loop.id(), current(loop)).ifPresent(round -> rosterRounds.removeUnsampled(round, people));
	}
}
