package org.frontline.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.frontline.people.IdType;
import org.frontline.people.Person;
import org.frontline.people.ResidentIdNumber;
import org.frontline.people.Residents;
import org.frontline.people.SamplingCodes;
import org.frontline.shared.AlertCleared;
import org.frontline.shared.AlertRaised;
import org.frontline.shared.AlertSeverity;
import org.frontline.shared.AreaCodes;
import org.frontline.shared.Problem;
import org.frontline.shared.Validation;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.testing.internal.SelfReportRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents who came forward (a positive antigen self-test, fever or other symptoms): their community records it, is
 * alerted to arrange a single-tube test within the deadline, and the single tube's result resolves it. A positive
 * confirmed within the window after coming forward was found because the person reported it, the figure district
 * reports give beside those found in quarantine, in control zones and by screening.
 */
@Service
public class SelfReports {

	private static final String SOURCE = "testing";

	private final SelfReportRepository repository;

	private final Residents residents;

	private final SamplingCodes codes;

	private final Validation validation;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration deadline;

	private final Duration window;

	SelfReports(SelfReportRepository repository, Residents residents, SamplingCodes codes, Validation validation,
			ApplicationEventPublisher events, Clock clock,
			@Value("${frontline.testing.retest-deadline:PT2H}") Duration deadline,
			@Value("${frontline.testing.self-report-window:P7D}") Duration window) {
		this.repository = repository;
		this.residents = residents;
		this.codes = codes;
		this.validation = validation;
		this.events = events;
		this.clock = clock;
		this.deadline = deadline;
		this.window = window;
	}

	/** Records a resident of the viewer's area who came forward; a resent form, or a second while one is open, is the same report. */
	@Transactional
	public SelfReport report(SelfReportForm form) {
		Viewer viewer = Viewers.requireAny(FollowUps.READERS);
		validation.check(form);
		String idNumber;
		try {
			idNumber = ResidentIdNumber.parse(form.idNumber(), LocalDate.now(clock)).value();
		}
		catch (ResidentIdNumber.InvalidIdNumberException invalid) {
			throw Problem.invalid("idNumber", invalid.key());
		}
		Long personId = residents.idsOf(IdType.RESIDENT_ID, List.of(idNumber)).get(idNumber);
		Person person;
		try {
			person = personId == null ? null : residents.summary(personId);
		}
		catch (Problem outsideScope) {
			person = null;
		}
		if (person == null) {
			// The same answer whether nobody has the number or the person lives outside the viewer's area.
			throw Problem.invalid("idNumber", "testing.self-report.unknown-person");
		}
		String masked = codes.maskedNames(List.of(person.id())).get(person.id());
		String community = person.area().length() > 12 ? person.area().substring(0, 12) : person.area();
		Instant now = clock.instant();
		String note = form.note() == null || form.note().isBlank() ? null : form.note().strip();
		var made = repository.insert(form.clientId(), person.id(), community, form.kind(), note, now, viewer.username());
		if (made.isEmpty()) {
			return repository.existing(form.clientId(), person.id()).orElseThrow().named(masked);
		}
		events.publishEvent(new AlertRaised(SOURCE, "self-report-" + made.get(), AlertSeverity.WARNING, community,
				"testing.alert.self-reported." + form.kind().name(), List.of(masked), "/testing/followups",
				now.plus(deadline), now));
		return repository.find(made.get()).orElseThrow().named(masked);
	}

	/** The self-reports of an area in the viewer's scope (theirs when none is given), open ones first. */
	@Transactional(readOnly = true)
	public List<SelfReport> list(String area) {
		Viewer viewer = Viewers.requireAny(FollowUps.READERS);
		String code = area == null || area.isBlank() ? viewer.scopeArea() : area.strip();
		if (!AreaCodes.wellFormed(code) || !viewer.covers(code)) {
			throw Problem.invalid("area", "testing.self-report.area");
		}
		String prefix = AreaCodes.prefix(code);
		List<SelfReport> found = repository.inArea(prefix, AreaCodes.upperBound(prefix), 500);
		Map<Long, String> names = codes.maskedNames(found.stream().map(SelfReport::personId).toList());
		return found.stream().map(r -> r.named(names.get(r.personId()))).toList();
	}

	/** Whether the person came forward in the window before this instant: how a positive confirmed then was found. */
	@Transactional(readOnly = true)
	public boolean cameForward(long personId, Instant confirmedAt) {
		return repository.reported(personId, confirmedAt.minus(window), confirmedAt);
	}

	/** A single tube's result resolves the open reports of the people sampled in it after they came forward. */
	void resolved(long tubeId, Outcome outcome) {
		if (outcome == Outcome.INVALID) {
			return;
		}
		Instant now = clock.instant();
		for (SelfReport report : repository.resolve(tubeId, outcome == Outcome.POSITIVE, now)) {
			events.publishEvent(new AlertCleared(SOURCE, "self-report-" + report.id(), now));
		}
	}
}
