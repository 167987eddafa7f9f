package org.frontline.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.frontline.area.Area;
import org.frontline.area.Areas;
import org.frontline.audit.AuditLog;
import org.frontline.command.internal.AlertRepository;
import org.frontline.shared.AlertCleared;
import org.frontline.shared.AlertRaised;
import org.frontline.shared.AreaCodes;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Validation;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alerts inbox: every alert a module raised, seen by the staff of the area that owns it (and of the area it was
 * raised in), acknowledged, assigned, commented and closed by them; an alert nobody acknowledged by its deadline goes
 * one level up the area hierarchy, again and again up to the top.
 */
@Service("commandAlerts")
public class Alerts {

	static final Role[] READERS = { Role.ADMIN, Role.COMMANDER, Role.COMMUNITY_WORKER, Role.FACILITY_STAFF,
			Role.SITE_LEADER, Role.WORKFORCE_COORDINATOR, Role.WAREHOUSE_KEEPER, Role.ENTERPRISE_LIAISON };

	private final AlertRepository repository;

	private final Areas areas;

	private final AuditLog auditLog;

	private final Validation validation;

	private final Clock clock;

	private final Duration escalationStep;

	Alerts(AlertRepository repository, Areas areas, AuditLog auditLog, Validation validation, Clock clock,
			@Value("${frontline.command.escalation-step:PT1H}") Duration escalationStep) {
		this.repository = repository;
		this.areas = areas;
		this.auditLog = auditLog;
		this.validation = validation;
		this.clock = clock;
		this.escalationStep = escalationStep;
	}

	/** Keeps a raised alert (a second raise of the same source and key updates it, or reopens it when closed). */
	@Transactional
	public void raised(AlertRaised event) {
		repository.raise(event, owner(event.area()), clock.instant());
	}

	@Transactional
	public void cleared(AlertCleared event) {
		repository.clear(event.source(), event.key(), event.at() == null ? clock.instant() : event.at());
	}

	/** Alerts the viewer's scope covers, inside {@code area} when given, of one status when given (at most 500). */
	@Transactional(readOnly = true)
	public List<Alert> list(String status, String area) {
		Viewer viewer = Viewers.requireAny(READERS);
		String wanted = status(status);
		String prefix = AreaCodes.prefix(area(viewer, area).code());
		return repository.list(viewer.scopeLow(), viewer.scopeHigh(), wanted, prefix, AreaCodes.upperBound(prefix),
				clock.instant(), 500);
	}

	/** How many alerts inside the area are not closed, not acknowledged, overdue and urgent. */
	@Transactional(readOnly = true)
	public Map<String, Long> counts(String area) {
		Viewer viewer = Viewers.requireAny(READERS);
		String prefix = AreaCodes.prefix(area(viewer, area).code());
		return repository.counts(prefix, AreaCodes.upperBound(prefix), clock.instant());
	}

	@Transactional(readOnly = true)
	public Alert get(long id) {
		return visible(Viewers.requireAny(READERS), repository.find(id, clock.instant()), id);
	}

	@Transactional(readOnly = true)
	public List<AlertEntry> history(long id) {
		get(id);
		return repository.history(id);
	}

	/** The viewer takes note of an open alert: it stops escalating. Acknowledging twice changes nothing. */
	@Transactional
	public Alert acknowledge(long id, AlertAction action) {
		Viewer viewer = Viewers.requireAny(READERS);
		validation.check(action(action));
		Instant now = clock.instant();
		Alert alert = open(viewer, id, now);
		if (alert.status() == AlertStatus.OPEN) {
			repository.acknowledge(id, viewer.username(), now);
			repository.entry(id, AlertEntryKind.ACKNOWLEDGED, viewer.username(), note(action), now);
			auditLog.record("ALERT_ACKNOWLEDGE", "command_alert", id, null);
		}
		return repository.find(id, now).orElseThrow();
	}

	/** Gives an alert to a user (by user name); it counts as acknowledged from then on. */
	@Transactional
	public Alert assign(long id, AlertAction action) {
		Viewer viewer = Viewers.requireAny(READERS);
		validation.check(action(action));
		if (action == null || action.assignee() == null || action.assignee().isBlank()) {
			throw Problem.invalid("assignee", "command.alert.assignee.required");
		}
		Instant now = clock.instant();
		Alert alert = open(viewer, id, now);
		String assignee = action.assignee().strip();
		if (!assignee.equals(alert.assignee())) {
			repository.assign(id, assignee, now);
			repository.entry(id, AlertEntryKind.ASSIGNED, viewer.username(), assignee, now);
			auditLog.record("ALERT_ASSIGN", "command_alert", id, assignee);
		}
		if (alert.status() == AlertStatus.OPEN) {
			repository.acknowledge(id, viewer.username(), now);
			repository.entry(id, AlertEntryKind.ACKNOWLEDGED, viewer.username(), null, now);
		}
		return repository.find(id, now).orElseThrow();
	}

	@Transactional
	public Alert comment(long id, AlertAction action) {
		Viewer viewer = Viewers.requireAny(READERS);
		validation.check(action(action));
		if (action == null || action.note() == null || action.note().isBlank()) {
			throw Problem.invalid("note", "command.alert.note.required");
		}
		Instant now = clock.instant();
		visible(viewer, repository.lock(id, now), id);
		repository.entry(id, AlertEntryKind.COMMENTED, viewer.username(), action.note().strip(), now);
		repository.touch(id, now);
		return repository.find(id, now).orElseThrow();
	}

	/** Closes an alert as dealt with; closing a closed alert changes nothing. */
	@Transactional
	public Alert close(long id, AlertAction action) {
		Viewer viewer = Viewers.requireAny(READERS);
		validation.check(action(action));
		Instant now = clock.instant();
		Alert alert = visible(viewer, repository.lock(id, now), id);
		if (alert.status() != AlertStatus.CLOSED) {
			repository.close(id, viewer.username(), now);
			repository.entry(id, AlertEntryKind.CLOSED, viewer.username(), note(action), now);
			auditLog.record("ALERT_CLOSE", "command_alert", id, null);
		}
		return repository.find(id, now).orElseThrow();
	}

	/**
	 * Hands every alert not acknowledged by its deadline to the area above the one that owns it, with a new deadline
	 * one escalation step later (an alert at the top stays there, its deadline moved on). Returns how many moved.
	 */
	@Transactional
	public int escalateOverdue() {
		Instant now = clock.instant();
		int moved = 0;
		for (Alert alert : repository.overdue(now, 500)) {
			String parent = areas.find(alert.area()).map(Area::parentCode).orElse(null);
			boolean up = parent != null && AreaCodes.wellFormed(parent);
			repository.escalate(alert.id(), up ? parent : alert.area(), now.plus(escalationStep), now);
			repository.entry(alert.id(), AlertEntryKind.ESCALATED, null, up ? parent : alert.area(), now);
			moved++;
		}
		return moved;
	}

	/** The area that owns an alert: the one named, or the nearest area above it that exists. */
	private String owner(String area) {
		String code = area == null ? "" : area.strip();
		while (AreaCodes.wellFormed(code)) {
			if (areas.find(code).isPresent()) {
				return code;
			}
			code = code.length() > 6 ? code.substring(0, code.length() - 3)
					: code.endsWith("0000") ? "" : code.endsWith("00") ? code.substring(0, 2) + "0000" : code.substring(0, 4) + "00";
		}
		return AreaCodes.wellFormed(area) ? area : "000000";
	}

	private Alert open(Viewer viewer, long id, Instant now) {
		Alert alert = visible(viewer, repository.lock(id, now), id);
		if (alert.status() == AlertStatus.CLOSED) {
			throw Problem.conflict("alert-closed", "command.alert.closed", id);
		}
		return alert;
	}

	private static Alert visible(Viewer viewer, java.util.Optional<Alert> alert, long id) {
		return alert.filter(a -> viewer.covers(a.area()) || viewer.covers(a.originArea()))
			.orElseThrow(() -> Problem.notFound("command.alert.not-found", id));
	}

	private Area area(Viewer viewer, String area) {
		String code = area == null || area.isBlank() ? viewer.scopeArea() : area.strip();
		if (!AreaCodes.wellFormed(code)) {
			throw Problem.invalid("area", "command.area.invalid");
		}
		return areas.visible(viewer, code);
	}

	private static String status(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return AlertStatus.valueOf(status.strip().toUpperCase(Locale.ROOT)).name();
		}
		catch (IllegalArgumentException ex) {
			throw Problem.invalid("status", "command.alert.status.invalid");
		}
	}

	private static AlertAction action(AlertAction action) {
		return action == null ? new AlertAction(null, null) : action;
	}

	private static String note(AlertAction action) {
		return action == null || action.note() == null || action.note().isBlank() ? null : action.note().strip();
	}
}
