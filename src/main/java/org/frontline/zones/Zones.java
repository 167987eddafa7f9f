package org.frontline.zones;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.frontline.area.Area;
import org.frontline.area.AreaLevel;
import org.frontline.area.Areas;
import org.frontline.shared.AreaCodes;
import org.frontline.shared.Message;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Validation;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.zones.internal.LiftingCriteria;
import org.frontline.zones.internal.LiftingCriteria.Assessment;
import org.frontline.zones.internal.NoticeRepository;
import org.frontline.zones.internal.NoticeRepository.NoticeRow;
import org.frontline.zones.internal.NoticeWriter;
import org.frontline.zones.internal.RoundChecks;
import org.frontline.zones.internal.ZoneChanges;
import org.frontline.zones.internal.ZoneNames;
import org.frontline.zones.internal.ZoneRepository;
import org.frontline.zones.internal.ZoneRepository.RoundCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Zones: set and lifted by notices (a step without a notice publishes one saying so), listed within the viewer's
 * scope, and the lifting board with each zone's criteria under the rule version it keeps. A lift must meet the
 * zone's criteria and go no further than its rules say.
 */
@Service
public class Zones {

	private static final Logger log = LoggerFactory.getLogger(Zones.class);

	static final Role[] READERS = { Role.ADMIN, Role.COMMANDER, Role.COMMUNITY_WORKER };

	static final Role[] DECIDERS = { Role.ADMIN, Role.COMMANDER };

	private final ZoneRepository repository;

	private final NoticeRepository notices;

	private final NoticeWriter writer;

	private final ZoneChanges changes;

	private final RoundChecks roundChecks;

	private final ZoneNames names;

	private final Areas areas;

	private final Validation validation;

	private final Clock clock;

	Zones(ZoneRepository repository, NoticeRepository notices, NoticeWriter writer, ZoneChanges changes,
			RoundChecks roundChecks, ZoneNames names, Areas areas, Validation validation, Clock clock) {
		this.repository = repository;
		this.notices = notices;
		this.writer = writer;
		this.changes = changes;
		this.roundChecks = roundChecks;
		this.names = names;
		this.areas = areas;
		this.validation = validation;
		this.clock = clock;
	}

	/** Puts an area or some buildings of a compound at a level, by a published notice or one published now. */
	@Transactional
	public Zone set(NewZone form) {
		Viewer viewer = Viewers.requireAny(DECIDERS);
		validation.check(form);
		Area area = inScope(viewer, form.area().strip(), "area");
		List<String> buildings = ZoneChanges.buildings(form.buildings());
		ZoneChanges.check(area, buildings, "");
		NoticeRow notice = form.notice() != null ? notice(form.notice())
				: writer.generated(viewer.username(),
						Message.of("zones.notice.set.title", place(area, buildings), names.name(form.level())),
						Message.of("zones.notice.set.text", place(area, buildings), names.name(form.level())));
		return changes.set(area, buildings, form.level(), notice, viewer.username(), "");
	}

	/**
	 * Lifts a zone in one step: to a milder level no milder than its rules' target, or out of zones, once it meets
	 * its criteria (checked afresh), by a published notice or one published now.
	 */
	@Transactional
	public LiftOutcome lift(long id, Lift lift) {
		Viewer viewer = Viewers.requireAny(DECIDERS);
		validation.check(lift);
		Zone zone = repository.lock(id).filter(z -> touches(viewer, z.area()))
			.orElseThrow(() -> Problem.notFound("zones.zone.not-found", id));
		if (!viewer.covers(zone.area())) {
			throw Problem.forbidden("zones.zone.outside-scope", zone.areaName());
		}
		if (zone.until() != null) {
			throw Problem.conflict("zone-ended", "zones.zone.ended", id);
		}
		LiftTarget to = lift.to();
		if (!to.milderThan(zone.level())) {
			throw Problem.invalid("to", "zones.lift.not-milder", zone.level(), to);
		}
		if (!BoardRow.allowedTargets(zone).contains(to)) {
			throw Problem.invalid("to", "zones.lift.beyond-rule", zone.rule().version(), zone.rule().liftTo());
		}
		Assessment assessment = assess(zone, roundChecks.check(zone));
		if (!assessment.eligible()) {
			throw Problem.conflict("zone-not-eligible", "zones.lift.not-eligible", assessment.daysClean(),
					zone.rule().cleanDays(), assessment.earliestLift().toString(), assessment.negativeRound());
		}
		Area area = areas.find(zone.area()).orElse(null);
		NoticeRow notice = lift.notice() != null ? notice(lift.notice())
				: writer.generated(viewer.username(),
						Message.of("zones.notice.lift.title", place(zone), names.name(zone.level()), names.name(to.level())),
						Message.of("zones.notice.lift.text", place(zone), names.name(zone.level()), names.name(to.level())));
		Optional<Zone> next = changes.lift(zone, to, notice, viewer.username(), area);
		return new LiftOutcome(repository.find(id).orElseThrow(), next.orElse(null), notice.id(), notice.number());
	}

	/**
	 * How the zones in force sample these compounds (those no zone covers are left out). Zones and their rules are
	 * public, so this asks for no viewer.
	 */
	@Transactional(readOnly = true)
	public Map<String, ZoneSampling> sampling(Collection<String> compounds) {
		Map<String, ZoneSampling> sampling = new HashMap<>();
		if (compounds.isEmpty()) {
			return sampling;
		}
		List<Zone> inForce = repository.inForce(clock.instant());
		for (String code : compounds) {
			Zone whole = null;
			Map<String, Zone> parts = new HashMap<>();
			for (Zone zone : inForce) {
				if (zone.wholeArea() && AreaCodes.contains(zone.area(), code)) {
					whole = stricter(whole, zone);
				}
				else if (!zone.wholeArea() && zone.area().equals(code)) {
					zone.buildings().forEach(b -> parts.merge(b.strip(), zone, Zones::stricter));
				}
			}
			Map<String, ZoneSampling.Terms> buildings = new HashMap<>();
			for (Map.Entry<String, Zone> part : parts.entrySet()) {
				if (whole == null || part.getValue().level().stricterThan(whole.level())) {
					buildings.put(part.getKey(), ZoneSampling.Terms.of(part.getValue()));
				}
			}
			if (whole != null || !buildings.isEmpty()) {
				sampling.put(code, new ZoneSampling(code, whole == null ? null : ZoneSampling.Terms.of(whole), buildings));
			}
		}
		return sampling;
	}

	/** The stricter of two zones; of equal levels the one on the smaller area, whose rules are the nearer ones. */
	private static Zone stricter(Zone current, Zone candidate) {
		if (current == null || candidate.level().stricterThan(current.level())) {
			return candidate;
		}
		return candidate.level() == current.level() && candidate.area().length() > current.area().length() ? candidate
				: current;
	}

	/** Zones not ended (in force or about to be) touching the viewer's scope, or the given area; of a level if given. */
	@Transactional(readOnly = true)
	public List<Zone> list(String area, ZoneLevel level) {
		Viewer viewer = Viewers.requireAny(READERS);
		String within = area == null || area.isBlank() ? viewer.scopeArea() : visible(viewer, area.strip()).code();
		return repository.notEnded(clock.instant())
			.stream()
			.filter(z -> touches(viewer, z.area()) && touches(within, z.area()))
			.filter(z -> level == null || z.level() == level)
			.toList();
	}

	@Transactional(readOnly = true)
	public Zone get(long id) {
		Viewer viewer = Viewers.requireAny(READERS);
		return repository.find(id).filter(z -> touches(viewer, z.area()))
			.orElseThrow(() -> Problem.notFound("zones.zone.not-found", id));
	}

	/**
	 * The lifting board: zones in force touching the area (the viewer's scope when none), each with its criteria as
	 * last checked; those that may be lifted today first, then by the earliest date they may be.
	 */
	@Transactional(readOnly = true)
	public List<BoardRow> board(String area) {
		Viewer viewer = Viewers.requireAny(READERS);
		String within = area == null || area.isBlank() ? viewer.scopeArea() : visible(viewer, area.strip()).code();
		Instant now = clock.instant();
		List<Zone> inForce = repository.inForce(now)
			.stream()
			.filter(z -> touches(viewer, z.area()) && touches(within, z.area()))
			.toList();
		return rows(inForce, now);
	}

	/** One zone's row, with its rounds checked afresh. */
	@Transactional
	public BoardRow assess(long id) {
		Zone zone = get(id);
		return row(zone, repository.lastPositives(List.of(zone.id())).get(zone.id()), roundChecks.check(zone));
	}

	/**
	 * What the public sees for a compound: the zone over the whole compound, the zones on some of its buildings, their
	 * rules and earliest lifting dates. No sign-in and no personal data.
	 */
	@Transactional(readOnly = true)
	public ZoneView view(String compound) {
		Area area = areas.find(compound == null ? "" : compound.strip())
			.filter(a -> a.level() == AreaLevel.COMPOUND)
			.orElseThrow(() -> Problem.notFound("zones.public.not-a-compound", compound));
		List<String> path = new ArrayList<>();
		List<String> codes = new ArrayList<>();
		for (String code = area.code(); code != null; ) {
			Optional<Area> found = areas.find(code);
			if (found.isEmpty() || found.get().level().ordinal() < AreaLevel.SUBDISTRICT.ordinal()) {
				break;
			}
			codes.add(code);
			path.add(0, found.get().name());
			code = found.get().parentCode();
		}
		Instant now = clock.instant();
		List<Zone> covering = repository.notEndedOn(codes, now).stream().filter(z -> z.inForce(now)).toList();
		List<BoardRow> rows = rows(covering, now);
		ZoneView.Entry whole = rows.stream()
			.filter(r -> r.zone().wholeArea())
			.max(Comparator.comparingInt((BoardRow r) -> r.zone().level().strictness())
				.thenComparingInt(r -> r.zone().area().length()))
			.map(r -> new ZoneView.Entry(r.zone(), r.earliestLift()))
			.orElse(null);
		List<ZoneView.Entry> buildings = rows.stream()
			.filter(r -> !r.zone().wholeArea())
			.sorted(Comparator.comparing(r -> r.zone().buildings().get(0), Comparator.comparing(ZoneChanges::buildingKey)))
			.map(r -> new ZoneView.Entry(r.zone(), r.earliestLift()))
			.toList();
		return new ZoneView(area.code(), area.name(), String.join(" / ", path), whole, buildings);
	}

	/** Checks every zone's rounds that are not final (the job does this every few minutes). */
	public int checkRounds() {
		int checked = 0;
		for (Zone zone : repository.inForce(clock.instant())) {
			if (zone.rule().negativeRoundDays() != null) {
				try {
					roundChecks.check(zone);
					checked++;
				}
				catch (RuntimeException ex) {
					log.warn("Checking the rounds of zone {} failed: {}", zone.id(), ex.toString());
				}
			}
		}
		return checked;
	}

	private List<BoardRow> rows(List<Zone> zones, Instant now) {
		List<Long> ids = zones.stream().map(Zone::id).toList();
		Map<Long, Instant> last = repository.lastPositives(ids);
		LocalDate today = now.atZone(clock.getZone()).toLocalDate();
		Instant since = today.minusDays(14).atStartOfDay(clock.getZone()).toInstant();
		Map<Long, List<RoundCheck>> checks = repository.checks(ids, since);
		List<BoardRow> rows = new ArrayList<>();
		for (Zone zone : zones) {
			rows.add(row(zone, last.get(zone.id()), checks.getOrDefault(zone.id(), List.of())));
		}
		rows.sort(Comparator.comparing((BoardRow r) -> !r.eligible())
			.thenComparing(BoardRow::earliestLift)
			.thenComparing(r -> -r.zone().level().strictness())
			.thenComparing(r -> r.zone().area())
			.thenComparing(r -> r.zone().id()));
		return rows;
	}

	private BoardRow row(Zone zone, Instant lastPositive, List<RoundCheck> checks) {
		Assessment assessment = assess(zone, lastPositive, checks);
		RoundCheck round = assessment.round();
		return new BoardRow(zone, lastPositive, assessment.daysClean(), assessment.earliestLift(),
				assessment.negativeRound(), round == null ? null : round.roundName(),
				round == null ? null : round.checkedAt(), assessment.eligible());
	}

	private Assessment assess(Zone zone, List<RoundCheck> checks) {
		return assess(zone, repository.lastPositives(List.of(zone.id())).get(zone.id()), checks);
	}

	private Assessment assess(Zone zone, Instant lastPositive, List<RoundCheck> checks) {
		Instant now = clock.instant();
		return LiftingCriteria.assess(zone.since(), lastPositive, zone.rule(), checks,
				now.atZone(clock.getZone()).toLocalDate(), clock.getZone());
	}

	private NoticeRow notice(long id) {
		return notices.find(id).orElseThrow(() -> Problem.invalid("notice", "zones.notice.not-found", id));
	}

	private Area inScope(Viewer viewer, String code, String field) {
		Area area = areas.find(code).orElseThrow(() -> Problem.invalid(field, "zones.zone.area-unknown", code));
		if (!viewer.covers(area.code())) {
			throw Problem.invalid(field, "zones.zone.area-outside-scope", area.name());
		}
		return area;
	}

	private Area visible(Viewer viewer, String code) {
		if (!AreaCodes.wellFormed(code)) {
			throw Problem.invalid("area", "zones.area.malformed", code);
		}
		return areas.find(code)
			.filter(a -> touches(viewer, a.code()))
			.orElseThrow(() -> Problem.notFound("area.not-found", code));
	}

	/** An area concerns a viewer when it lies inside their scope or contains it. */
	static boolean touches(Viewer viewer, String area) {
		return touches(viewer.scopeArea(), area);
	}

	static boolean touches(String scope, String area) {
		return AreaCodes.contains(scope, area) || AreaCodes.contains(area, scope);
	}

	static Message place(Area area, List<String> buildings) {
		return buildings.isEmpty() ? Message.of("zones.place.area", area.name())
				: Message.of("zones.place.buildings", area.name(), String.join("、", buildings));
	}

	static Message place(Zone zone) {
		return zone.buildings().isEmpty() ? Message.of("zones.place.area", zone.areaName())
				: Message.of("zones.place.buildings", zone.areaName(), String.join("、", zone.buildings()));
	}
}
