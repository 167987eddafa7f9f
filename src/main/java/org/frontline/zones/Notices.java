package org.frontline.zones;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.frontline.area.Area;
import org.frontline.area.Areas;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.ScopeTarget;
import org.frontline.shared.Validation;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.shared.Workplace;
import org.frontline.zones.Notice.ClosedLoopAction;
import org.frontline.zones.Notice.Measure;
import org.frontline.zones.internal.NoticeRepository;
import org.frontline.zones.internal.NoticeRepository.NoticeRow;
import org.frontline.zones.internal.NoticeWriter;
import org.frontline.zones.internal.ZoneChanges;
import org.frontline.zones.internal.ZoneRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Control notices: published by the command (with the zones they set and the enterprises they order into closed
 * loop, all in one transaction), never changed afterwards; a correction or an extension is a new notice naming the one
 * it replaces. Anyone may read them: they are public.
 */
@Service
public class Notices {

	static final Role[] PUBLISHERS = { Role.ADMIN, Role.COMMANDER };

	/** The roles that publish notices and decide on zones. */
	public static Role[] publishers() {
		return PUBLISHERS.clone();
	}

	static final int LIST_LIMIT = 500;

	private final NoticeRepository repository;

	private final NoticeWriter writer;

	private final ZoneChanges changes;

	private final ZoneRepository zones;

	private final Areas areas;

	private final Validation validation;

	private final ObjectProvider<ScopeTarget> scopeTargets;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Notices(NoticeRepository repository, NoticeWriter writer, ZoneChanges changes, ZoneRepository zones, Areas areas,
			Validation validation, ObjectProvider<ScopeTarget> scopeTargets, ApplicationEventPublisher events,
			Clock clock) {
		this.repository = repository;
		this.writer = writer;
		this.changes = changes;
		this.zones = zones;
		this.areas = areas;
		this.validation = validation;
		this.scopeTargets = scopeTargets;
		this.events = events;
		this.clock = clock;
	}

	/** Publishes a notice with its measures; every zone it sets must lie inside the publisher's scope. */
	@Transactional
	public Notice publish(NewNotice form) {
		Viewer viewer = Viewers.requireAny(PUBLISHERS);
		validation.check(form);
		Instant now = clock.instant();
		Instant publishedAt = form.publishedAt() == null ? now : form.publishedAt();
		Instant from = form.effectiveFrom() == null ? publishedAt : form.effectiveFrom();
		Problem.Errors errors = new Problem.Errors();
		if (publishedAt.isAfter(now.plusSeconds(60))) {
			errors.add("publishedAt", "zones.notice.published-in-future");
		}
		if (form.effectiveUntil() != null && !form.effectiveUntil().isAfter(from)) {
			errors.add("effectiveUntil", "zones.notice.until-before-from");
		}
		if (form.replaces() != null && repository.find(form.replaces()).isEmpty()) {
			errors.add("replaces", "zones.notice.replaces-unknown", form.replaces());
		}
		List<Area> zoneAreas = new ArrayList<>();
		List<NewZone> newZones = form.zones() == null ? List.of() : form.zones();
		for (int i = 0; i < newZones.size(); i++) {
			NewZone zone = newZones.get(i);
			Optional<Area> area = areas.find(zone.area().strip());
			if (area.isEmpty()) {
				errors.add("zones[" + i + "].area", "zones.zone.area-unknown", zone.area());
			}
			else if (!viewer.covers(area.get().code())) {
				errors.add("zones[" + i + "].area", "zones.zone.area-outside-scope", area.get().name());
			}
			else {
				zoneAreas.add(area.get());
			}
		}
		List<Long> ordered = distinct(form.closedLoop());
		List<Long> lifted = distinct(form.closedLoopLifted());
		checkEnterprises(viewer, ordered, "closedLoop", errors);
		checkEnterprises(viewer, lifted, "closedLoopLifted", errors);
		errors.throwIfAny();
		NoticeRow notice = writer.publish(viewer.username(), form.authority(), form.number(), form.title(), publishedAt,
				from, form.effectiveUntil(), form.text(), form.replaces());
		for (int i = 0; i < newZones.size(); i++) {
			changes.set(zoneAreas.get(i), newZones.get(i).buildings(), newZones.get(i).level(), notice,
					viewer.username(), "zones[" + i + "].");
		}
		for (long enterprise : ordered) {
			repository.closedLoop(notice.id(), enterprise, ClosedLoopAction.ORDER);
			events.publishEvent(new ClosedLoopOrdered(notice.id(), notice.number(), enterprise, from,
					form.effectiveUntil()));
		}
		for (long enterprise : lifted) {
			repository.closedLoop(notice.id(), enterprise, ClosedLoopAction.LIFT);
			events.publishEvent(new ClosedLoopLifted(notice.id(), notice.number(), enterprise, from));
		}
		return notice(notice);
	}

	/** A notice by id (published notices are public). */
	@Transactional(readOnly = true)
	public Notice get(long id) {
		return notice(repository.find(id).orElseThrow(() -> Problem.notFound("zones.notice.not-found", id)));
	}

	/** Every notice, newest first (published notices are public). */
	@Transactional(readOnly = true)
	public List<Notice> list() {
		return repository.list(LIST_LIMIT).stream().map(row -> notice(row, false)).toList();
	}

	Notice notice(NoticeRow row) {
		return notice(row, true);
	}

	private Notice notice(NoticeRow row, boolean withMeasures) {
		List<Measure> measures = new ArrayList<>();
		List<Notice.ClosedLoop> loops = List.of();
		if (withMeasures) {
			for (Zone zone : zones.setBy(row.id())) {
				ZoneLevel from = zone.previousId() == null ? null
						: zones.find(zone.previousId()).map(Zone::level).orElse(null);
				measures.add(new Measure(zone.id(), zone.area(), zone.areaName(), zone.buildings(), zone.level(), from));
			}
			for (Zone zone : zones.liftedBy(row.id())) {
				measures.add(new Measure(zone.id(), zone.area(), zone.areaName(), zone.buildings(), null, zone.level()));
			}
			loops = repository.closedLoops(row.id());
		}
		return new Notice(row.id(), row.authority(), row.number(), row.title(), row.publishedAt(), row.effectiveFrom(),
				row.effectiveUntil(), row.body(), row.replaces(), row.replacesNumber(), row.replacedBy(),
				status(row, clock.instant()), measures, loops);
	}

	static NoticeStatus status(NoticeRow row, Instant now) {
		if (row.replacedBy() != null) {
			return NoticeStatus.REPLACED;
		}
		if (row.effectiveFrom().isAfter(now)) {
			return NoticeStatus.UPCOMING;
		}
		if (row.effectiveUntil() != null && !row.effectiveUntil().isAfter(now)) {
			return NoticeStatus.PAST;
		}
		return NoticeStatus.IN_FORCE;
	}

	/** Enterprises are checked by the module that registers them, when there is one (the {@code ScopeTarget} of enterprises). */
	private void checkEnterprises(Viewer viewer, List<Long> ids, String field, Problem.Errors errors) {
		Optional<ScopeTarget> registry = scopeTargets.orderedStream().filter(t -> t.kind() == Workplace.ENTERPRISE).findFirst();
		for (long id : ids) {
			if (id <= 0) {
				errors.add(field, "zones.closed-loop.enterprise-unknown", id);
				continue;
			}
			if (registry.isPresent()) {
				Optional<String> area = registry.get().areaOf(id);
				if (area.isEmpty()) {
					errors.add(field, "zones.closed-loop.enterprise-unknown", id);
				}
				else if (!viewer.covers(area.get())) {
					errors.add(field, "zones.closed-loop.enterprise-outside-scope", id);
				}
			}
		}
	}

	private static List<Long> distinct(List<Long> ids) {
		return ids == null ? List.of() : List.copyOf(new LinkedHashSet<>(ids));
	}
}
