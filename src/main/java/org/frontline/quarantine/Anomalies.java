package org.frontline.quarantine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.frontline.audit.AuditLog;
import org.frontline.quarantine.internal.AnomalyRepository;
import org.frontline.quarantine.internal.FacilityAccess;
import org.frontline.quarantine.internal.FacilityRepository;
import org.frontline.quarantine.internal.FacilityRepository.FacilityRow;
import org.frontline.shared.AlertCleared;
import org.frontline.shared.AlertRaised;
import org.frontline.shared.AlertSeverity;
import org.frontline.shared.Message;
import org.frontline.shared.Problem;
import org.frontline.shared.Validation;
import org.frontline.shared.Viewer;
import org.frontline.shared.Workplace;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anomalies: opened at once by an abnormal observation, alerting the facility leader and the command centre; not
 * acknowledged within the deadline, they escalate one level (1 facility leader, 2 command centre duty officer,
 * 3 district headquarters). Every step is recorded with who and when until the anomaly is closed with an outcome.
 */
@Service
public class Anomalies {

	public static final int TOP_LEVEL = 3;

	private static final String SYSTEM = "system";

	private static final String SOURCE = "quarantine";

	private final AnomalyRepository repository;

	private final FacilityRepository facilities;

	private final FacilityAccess access;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration acknowledgeWithin;

	Anomalies(AnomalyRepository repository, FacilityRepository facilities, FacilityAccess access, AuditLog auditLog,
			ApplicationEventPublisher events, Clock clock,
			@Value("${frontline.quarantine.acknowledge-within:PT15M}") Duration acknowledgeWithin) {
		this.repository = repository;
		this.facilities = facilities;
		this.access = access;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
		this.acknowledgeWithin = acknowledgeWithin;
	}

	/** Opens an anomaly for an observation, in the caller's transaction. */
	@Transactional
	Anomaly open(Stay stay, Long observationId, List<String> reasons, String by) {
		Instant now = clock.instant();
		long id = repository.insert(stay.id(), stay.facilityId(), observationId, reasons, now, now.plus(acknowledgeWithin));
		repository.step(id, now, "OPENED", 1, by, String.join(", ", reasons));
		repository.step(id, now, "ALERTED", 1, SYSTEM, "facility leader; command centre");
		auditLog.record("ANOMALY_OPEN", "quarantine_anomaly", id, String.join(", ", reasons));
		Anomaly anomaly = repository.find(id).orElseThrow();
		events.publishEvent(alert(anomaly, "quarantine.alert.anomaly-opened", now));
		return anomaly;
	}

	/** Anomalies of the facilities the viewer sees; {@code status} OPEN, ACKNOWLEDGED, CLOSED or null for all. */
	@Transactional(readOnly = true)
	public List<Anomaly> list(String status) {
		Viewer viewer = access.reader();
		String checked = status == null || status.isBlank() ? null : status.strip().toUpperCase();
		if (checked != null && !Set.of("OPEN", "ACKNOWLEDGED", "CLOSED").contains(checked)) {
			throw Problem.invalid("status", "quarantine.anomaly.status-filter");
		}
		return repository.visible(viewer.place(Workplace.FACILITY), viewer.scopeLow(), viewer.scopeHigh(), checked, 500);
	}

	@Transactional(readOnly = true)
	public Anomaly get(long id) {
		return visible(access.reader(), id);
	}

	@Transactional
	public Anomaly acknowledge(long id, String note) {
		Viewer viewer = access.reader();
		Anomaly anomaly = visible(viewer, id);
		Instant now = clock.instant();
		if (!repository.acknowledge(id, now, viewer.username())) {
			throw Problem.conflict("anomaly-not-open", "quarantine.anomaly.not-open",
					Message.of("quarantine.anomaly." + anomaly.status()));
		}
		repository.step(id, now, "ACKNOWLEDGED", anomaly.level(), viewer.username(), Validation.optional(note));
		auditLog.record("ANOMALY_ACKNOWLEDGE", "quarantine_anomaly", id, null);
		events.publishEvent(new AlertCleared(SOURCE, alertKey(id), now));
		return repository.find(id).orElseThrow();
	}

	@Transactional
	public Anomaly close(long id, String outcome) {
		Viewer viewer = access.reader();
		Anomaly anomaly = visible(viewer, id);
		Problem.Errors errors = new Problem.Errors();
		Validation.required(outcome, "outcome", Message.of("field.Anomaly.outcome"), 500, errors);
		errors.throwIfAny();
		Instant now = clock.instant();
		if (!repository.close(id, now, viewer.username(), outcome.strip())) {
			throw Problem.conflict("anomaly-closed", "quarantine.anomaly.closed");
		}
		repository.step(id, now, "CLOSED", anomaly.level(), viewer.username(), outcome.strip());
		auditLog.record("ANOMALY_CLOSE", "quarantine_anomaly", id, outcome.strip());
		events.publishEvent(new AlertCleared(SOURCE, alertKey(id), now));
		return repository.find(id).orElseThrow();
	}

	/**
	 * Escalates every open anomaly whose acknowledgement deadline has passed by one level, with a new deadline; at
	 * the top level it re-alerts. Run by a scheduled job; rows are locked and skipped by other instances.
	 *
	 * @return how many anomalies were escalated
	 */
	@Transactional
	public int escalateOverdue() {
		Instant now = clock.instant();
		List<Long> overdue = repository.overdue(now, 200);
		for (long id : overdue) {
			Anomaly anomaly = repository.find(id).orElseThrow();
			int level = Math.min(anomaly.level() + 1, TOP_LEVEL);
			repository.escalate(id, level, now.plus(acknowledgeWithin));
			String action = anomaly.level() < TOP_LEVEL ? "ESCALATED" : "REALERTED";
			repository.step(id, now, action, level, SYSTEM, "not acknowledged by " + anomaly.ackDeadline());
			auditLog.recordAs(SYSTEM, "ANOMALY_" + action, "quarantine_anomaly", id, "level " + level);
			events.publishEvent(alert(repository.find(id).orElseThrow(), "quarantine.alert.anomaly-escalated", now));
		}
		return overdue.size();
	}

	/**
	 * The command centre's alert for an anomaly nobody has acknowledged: raised when it opens and again at each
	 * escalation (with its level and new deadline), cleared when someone acknowledges or closes it.
	 */
	private AlertRaised alert(Anomaly anomaly, String titleKey, Instant now) {
		String area = facilities.find(anomaly.facilityId()).orElseThrow().area();
		return new AlertRaised(SOURCE, alertKey(anomaly.id()), AlertSeverity.URGENT, area, titleKey,
				List.of(anomaly.facility(), anomaly.room(), String.valueOf(anomaly.level())), "/quarantine/anomalies",
				anomaly.ackDeadline(), now);
	}

	private static String alertKey(long anomalyId) {
		return "anomaly-" + anomalyId;
	}

	private Anomaly visible(Viewer viewer, long id) {
		Anomaly anomaly = repository.find(id).orElseThrow(() -> Problem.notFound("quarantine.anomaly.not-found", id));
		FacilityRow facility = facilities.find(anomaly.facilityId()).orElseThrow();
		if (!access.sees(viewer, facility.id(), facility.area())) {
			throw Problem.notFound("quarantine.anomaly.not-found", id);
		}
		return anomaly;
	}
}
