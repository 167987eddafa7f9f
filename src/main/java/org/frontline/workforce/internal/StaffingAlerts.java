package org.frontline.workforce.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.frontline.shared.AlertCleared;
import org.frontline.shared.AlertRaised;
import org.frontline.shared.AlertSeverity;
import org.frontline.shared.DateTimes;
import org.frontline.workforce.ShiftLimits;
import org.frontline.workforce.ShiftRole;
import org.frontline.workforce.WorkerKind;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workforce's alerts for the post's leader and the command centre: an assigned worker not checked in 15 minutes
 * after their shift started (no-show), a station whose sampler shift is under way without a sampler, a worker past
 * their continuous protective-suit or daily limit. They are noticed by time ({@link #check()}, run every minute and
 * harmless to run again: each alert is published once) and cleared when the condition ends: at a check-in or
 * check-out, or when the shift is over.
 */
@Component
public class StaffingAlerts {

	static final String SOURCE = "workforce";

	private final StaffingQueries queries;

	private final AlertRepository alerts;

	private final LimitsRepository limits;

	private final WorkforceSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	StaffingAlerts(StaffingQueries queries, AlertRepository alerts, LimitsRepository limits, WorkforceSettings settings,
			ApplicationEventPublisher events, Clock clock) {
		this.queries = queries;
		this.alerts = alerts;
		this.limits = limits;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/** Raises what is due now and clears what no longer holds; returns how many alerts were raised. */
	@Transactional
	public int check() {
		Instant now = clock.instant();
		ZoneId zone = clock.getZone();
		int raised = 0;
		Set<String> current = new HashSet<>();
		for (Object[] row : queries.noShows(now, settings.noShowAfter())) {
			String key = "no-show:" + row[0];
			current.add(key);
			raised += raise(key, AlertSeverity.WARNING, (String) row[4], "workforce.alert.no-show",
					List.of((String) row[1], (String) row[3], DateTimes.time((Instant) row[6], zone)),
					"/workforce/posts/" + row[7], now) ? 1 : 0;
		}
		for (Object[] row : queries.stationsWithoutSampler(now, settings.noShowAfter())) {
			String key = "station:" + row[0];
			current.add(key);
			raised += raise(key, AlertSeverity.URGENT, (String) row[2], "workforce.alert.no-sampler",
					List.of((String) row[1], Integer.toString((Integer) row[3])), "/workforce/posts/" + row[4], now) ? 1
							: 0;
		}
		LocalDate today = LocalDate.ofInstant(now, zone);
		Instant startOfDay = today.atStartOfDay(zone).toInstant();
		boolean heatDay = !limits.heatDays(today, today).isEmpty();
		Map<Long, ShiftLimits> versions = new HashMap<>();
		for (Object[] row : queries.checkedIn(now, startOfDay)) {
			ShiftLimits version = versions.computeIfAbsent((Long) row[5], id -> limits.find(id).orElseThrow());
			Instant since = (Instant) row[8];
			long continuous = Duration.between(since, now).toMinutes();
			long today0 = (Long) row[9] + Duration.between(since.isAfter(startOfDay) ? since : startOfDay, now).toMinutes();
			int suitLimit = heatDay ? version.heatSuitMinutes() : version.suitMinutes();
			int dayLimit = version.hoursOf(WorkerKind.valueOf((String) row[3])).dayMinutes();
			String key = "limit:" + row[0];
			if ((Boolean) row[4] && continuous > suitLimit) {
				current.add(key);
				raised += raise(key, AlertSeverity.URGENT, (String) row[7], "workforce.alert.suit-limit",
						List.of((String) row[2], (String) row[6], Long.toString(continuous), Integer.toString(suitLimit)),
						"/workforce/posts/" + row[10], now) ? 1 : 0;
			}
			else if (today0 > dayLimit) {
				current.add(key);
				raised += raise(key, AlertSeverity.WARNING, (String) row[7], "workforce.alert.day-limit",
						List.of((String) row[2], (String) row[6], Long.toString(today0), Integer.toString(dayLimit)),
						"/workforce/posts/" + row[10], now) ? 1 : 0;
			}
		}
		for (String prefix : List.of("no-show:", "station:", "limit:")) {
			for (String key : alerts.open(prefix)) {
				if (!current.contains(key)) {
					clear(key, now);
				}
			}
		}
		return raised;
	}

	/** A worker checked in: their no-show alert and, for a station's sampler, the station's alert end. */
	public void checkedIn(long assignmentId, long shiftId, ShiftRole role, Integer station, Instant now) {
		clear("no-show:" + assignmentId, now);
		if (role == ShiftRole.SAMPLER && station != null) {
			clear("station:" + shiftId, now);
		}
	}

	/** A worker checked out: their limit alert ends. */
	public void checkedOut(long assignmentId, Instant now) {
		clear("limit:" + assignmentId, now);
	}

	private boolean raise(String key, AlertSeverity severity, String area, String titleKey, List<String> args,
			String href, Instant now) {
		if (!alerts.raise(key, now)) {
			return false;
		}
		events.publishEvent(new AlertRaised(SOURCE, key, severity, area, titleKey, args, href, null, now));
		return true;
	}

	private void clear(String key, Instant now) {
		if (alerts.clear(key, now)) {
			events.publishEvent(new AlertCleared(SOURCE, key, now));
		}
	}
}
