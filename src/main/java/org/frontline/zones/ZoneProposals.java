package org.frontline.zones;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.frontline.area.Area;
import org.frontline.area.Areas;
import org.frontline.audit.AuditLog;
import org.frontline.shared.AlertCleared;
import org.frontline.shared.AreaCodes;
import org.frontline.shared.Message;
import org.frontline.shared.Problem;
import org.frontline.shared.Validation;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.zones.internal.NoticeRepository;
import org.frontline.zones.internal.NoticeRepository.NoticeRow;
import org.frontline.zones.internal.NoticeWriter;
import org.frontline.zones.internal.ProposalRepository;
import org.frontline.zones.internal.ProposalRepository.ProposalRow;
import org.frontline.zones.internal.ZoneChanges;
import org.frontline.zones.internal.ZoneMarksProvider;
import org.frontline.zones.internal.ZoneNames;
import org.frontline.zones.internal.ZoneProposalsAlerts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposals to lock down a compound's building (or the whole compound) after a positive among its residents: made by
 * the zones module when testing confirms a positive, never applied by themselves; the commander confirms one (the zone
 * is set and its notice published in the same step) or dismisses it with a reason. Both are audited.
 */
@Service
public class ZoneProposals {

	private static final int LIST_LIMIT = 500;

	private final ProposalRepository repository;

	private final NoticeRepository notices;

	private final NoticeWriter writer;

	private final ZoneChanges changes;

	private final ZoneMarksProvider marks;

	private final ZoneNames names;

	private final Areas areas;

	private final Validation validation;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ZoneProposals(ProposalRepository repository, NoticeRepository notices, NoticeWriter writer, ZoneChanges changes,
			ZoneMarksProvider marks, ZoneNames names, Areas areas, Validation validation, AuditLog auditLog,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.notices = notices;
		this.writer = writer;
		this.changes = changes;
		this.marks = marks;
		this.names = names;
		this.areas = areas;
		this.validation = validation;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
	}

	/** Proposals inside the viewer's scope (or the given area), pending ones first; of a status when given. */
	@Transactional(readOnly = true)
	public List<Proposal> list(String area, ProposalStatus status) {
		Viewer viewer = Viewers.requireAny(Zones.READERS);
		String within = viewer.scopeArea();
		if (area != null && !area.isBlank()) {
			String code = area.strip();
			if (!AreaCodes.wellFormed(code)) {
				throw Problem.invalid("area", "zones.area.malformed", code);
			}
			if (!viewer.covers(code)) {
				throw Problem.notFound("area.not-found", code);
			}
			within = code;
		}
		String prefix = AreaCodes.prefix(within);
		List<ProposalRow> rows = repository.list(status, prefix, AreaCodes.upperBound(prefix), LIST_LIMIT);
		Map<String, ZoneLevelNow> now = levels(rows);
		return rows.stream().map(row -> proposal(row, now.get(key(row)))).toList();
	}

	/** Confirms a pending proposal: LOCKDOWN on its building (or the whole compound), with its notice. */
	@Transactional
	public Proposal confirm(long id, ProposalDecision decision) {
		Viewer viewer = Viewers.requireAny(Zones.DECIDERS);
		validation.check(decision);
		ProposalRow row = pending(viewer, id);
		Area compound = areas.find(row.area()).orElseThrow();
		List<String> buildings = Boolean.TRUE.equals(decision.wholeCompound()) || row.building() == null ? List.of()
				: List.of(row.building());
		NoticeRow notice;
		if (decision.notice() != null) {
			notice = notices.find(decision.notice())
				.orElseThrow(() -> Problem.invalid("notice", "zones.notice.not-found", decision.notice()));
		}
		else {
			Message place = Zones.place(compound, buildings);
			notice = writer.generated(viewer.username(),
					Message.of("zones.notice.set.title", place, names.name(ZoneLevel.LOCKDOWN)),
					Message.of("zones.notice.proposal.text", place, names.name(ZoneLevel.LOCKDOWN), row.positives()));
		}
		Zone zone = changes.set(compound, buildings, ZoneLevel.LOCKDOWN, notice, viewer.username(), "");
		Instant now = clock.instant();
		repository.decide(id, ProposalStatus.CONFIRMED, viewer.username(), now, blank(decision.reason()), zone.id());
		auditLog.record("ZONE_PROPOSAL_CONFIRM", "zones_proposal", id, "zone " + zone.id() + " notice " + notice.number());
		events.publishEvent(new AlertCleared(ZoneProposalsAlerts.SOURCE, ZoneProposalsAlerts.key(id), now));
		return proposal(repository.lock(id).orElseThrow(), null);
	}

	/** Dismisses a pending proposal; the reason is required. */
	@Transactional
	public Proposal dismiss(long id, ProposalDecision decision) {
		Viewer viewer = Viewers.requireAny(Zones.DECIDERS);
		validation.check(decision);
		String reason = blank(decision.reason());
		if (reason == null) {
			throw Problem.invalid("reason", "zones.proposal.reason-required");
		}
		pending(viewer, id);
		Instant now = clock.instant();
		repository.decide(id, ProposalStatus.DISMISSED, viewer.username(), now, reason, null);
		auditLog.record("ZONE_PROPOSAL_DISMISS", "zones_proposal", id, reason);
		events.publishEvent(new AlertCleared(ZoneProposalsAlerts.SOURCE, ZoneProposalsAlerts.key(id), now));
		return proposal(repository.lock(id).orElseThrow(), null);
	}

	private ProposalRow pending(Viewer viewer, long id) {
		ProposalRow row = repository.lock(id)
			.filter(r -> viewer.covers(r.area()))
			.orElseThrow(() -> Problem.notFound("zones.proposal.not-found", id));
		if (row.status() != ProposalStatus.PENDING) {
			throw Problem.conflict("proposal-decided", "zones.proposal.decided", id, row.status());
		}
		return row;
	}

	private record ZoneLevelNow(ZoneLevel level) {
	}

	private Map<String, ZoneLevelNow> levels(List<ProposalRow> rows) {
		Map<String, ZoneLevelNow> levels = new HashMap<>();
		for (ProposalRow row : rows) {
			if (row.status() == ProposalStatus.PENDING) {
				marks.levelOf(row.area(), row.building()).ifPresent(l -> levels.put(key(row), new ZoneLevelNow(l)));
			}
		}
		return levels;
	}

	private static String key(ProposalRow row) {
		return row.area() + "/" + row.building();
	}

	private static Proposal proposal(ProposalRow row, ZoneLevelNow now) {
		return new Proposal(row.id(), row.area(), row.areaName(), row.building(), row.positives(), row.firstAt(),
				row.lastAt(), row.status(), now == null ? null : now.level(), row.decidedBy(), row.decidedAt(),
				row.reason(), row.zoneId());
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
