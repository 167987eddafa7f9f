package org.frontline.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.frontline.people.SamplingCodes;
import org.frontline.shared.AreaCodes;
import org.frontline.shared.DateTimes;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.shared.Workplace;
import org.frontline.testing.internal.PlaceRepository;
import org.frontline.testing.internal.TubeQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of tubes and boxes (their chain of custody) and the live figures of a site. Site staff see their site's,
 * a lab sees what was handed to it, area staff what is inside their area.
 */
@Service
public class Tubes {

	/** The estimated wait past which the live page advises opening more stations. */
	public static final int WAIT_THRESHOLD_MINUTES = 30;


	private final TubeQueries queries;

	private final PlaceRepository places;

	private final SamplingCodes codes;

	private final Clock clock;

	Tubes(TubeQueries queries, PlaceRepository places, SamplingCodes codes, Clock clock) {
		this.queries = queries;
		this.places = places;
		this.codes = codes;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Tube tube(String code) {
		Viewer viewer = Viewers.require();
		TubeQueries.Located located = queries.tube(code)
			.filter(t -> sees(viewer, t.tube().siteId(), t.siteArea(), t.labId()))
			.orElseThrow(() -> Problem.notFound("testing.tube.not-found", code));
		Tube tube = located.tube();
		Map<Long, String> names = codes.maskedNames(tube.people().stream().map(Tube.Sample::personId).toList());
		List<Tube.Sample> people = tube.people()
			.stream()
			.map(s -> new Tube.Sample(s.personId(), names.get(s.personId()), s.sampledAt(), s.sampledBy(), s.resample()))
			.toList();
		return new Tube(tube.id(), tube.code(), tube.roundId(), tube.siteId(), tube.poolSize(), tube.samples(),
				tube.status(), tube.openedAt(), tube.openedBy(), tube.sealedAt(), tube.sealedBy(), tube.boxCode(), people);
	}

	@Transactional(readOnly = true)
	public Box box(String code) {
		Viewer viewer = Viewers.require();
		return queries.box(code)
			.filter(b -> sees(viewer, b.box().siteId(), b.siteArea(), b.box().labId()))
			.map(TubeQueries.LocatedBox::box)
			.orElseThrow(() -> Problem.notFound("testing.box.not-found", code));
	}

	/** The live figures of a site for its leader (and anyone whose scope covers the site). */
	@Transactional(readOnly = true)
	public SiteLive live(long siteId) {
		Viewer viewer = Viewers.requireAny(Role.ADMIN, Role.COMMANDER, Role.SITE_LEADER, Role.REGISTRAR);
		Site site = visibleSite(viewer, siteId);
		Instant now = clock.instant();
		Instant startOfDay = LocalDate.ofInstant(now, clock.getZone()).atStartOfDay(clock.getZone()).toInstant();
		TubeQueries.LiveCounts counts = queries.live(siteId, now, startOfDay);
		double perStation = counts.sampledLastHour() / (double) site.stations();
		double arrivalsPerHour = counts.arrivalsLast30() * 2.0;
		Double estimatedWait = null;
		int more = 0;
		if (perStation > 0) {
			estimatedWait = counts.queue() / (perStation * site.stations()) * 60.0;
			if (estimatedWait > WAIT_THRESHOLD_MINUTES) {
				int needed = (int) Math.ceil(Math.max(arrivalsPerHour / perStation,
						counts.queue() / (perStation * WAIT_THRESHOLD_MINUTES / 60.0)));
				more = Math.max(1, needed - site.stations());
			}
		}
		return new SiteLive(siteId, site.name(), site.stations(), site.open(), counts.queue(),
				counts.medianWaitSeconds() == null ? null : Math.round(counts.medianWaitSeconds() / 6.0) / 10.0,
				Math.round(perStation * 10) / 10.0, arrivalsPerHour,
				estimatedWait == null ? null : Math.round(estimatedWait * 10) / 10.0, counts.openTubes(),
				counts.sealedTubes(), counts.sampledToday(), counts.feverToday(), more, WAIT_THRESHOLD_MINUTES);
	}

	/** The work in hand of the viewer's lab (of every lab for a lab user of none, or an administrator). */
	@Transactional(readOnly = true)
	public LabWork labWork() {
		Viewer viewer = Viewers.requireAny(Role.ADMIN, Role.LAB);
		return queries.labWork(viewer.place(Workplace.LAB), clock.instant().minus(Duration.ofDays(2)));
	}

	/** Alerts of a site from the last 12 hours, newest first (fever at check-in), as text: time (district) and detail. */
	@Transactional(readOnly = true)
	public List<String> alerts(long siteId) {
		return recentAlerts(siteId).stream()
			.map(a -> DateTimes.time(a.at(), clock.getZone()) + " " + a.detail())
			.toList();
	}

	/** Alerts of a site from the last 12 hours, newest first (fever at check-in). */
	@Transactional(readOnly = true)
	public List<SiteAlert> recentAlerts(long siteId) {
		Viewer viewer = Viewers.requireAny(Role.ADMIN, Role.COMMANDER, Role.SITE_LEADER, Role.REGISTRAR);
		visibleSite(viewer, siteId);
		return queries.alerts(siteId, clock.instant().minus(Duration.ofHours(12)));
	}

	private Site visibleSite(Viewer viewer, long siteId) {
		Long own = viewer.place(Workplace.SITE);
		return places.site(siteId)
			.filter(s -> own == null ? viewer.place(Workplace.LAB) == null && viewer.covers(s.area()) : own == siteId)
			.orElseThrow(() -> Problem.notFound("testing.site.not-found", siteId));
	}

	private static boolean sees(Viewer viewer, long siteId, String siteArea, Long labId) {
		Long ownLab = viewer.place(Workplace.LAB);
		if (ownLab != null) {
			return ownLab.equals(labId);
		}
		if (viewer.has(Role.LAB) && !viewer.hasAny(Role.ADMIN, Role.COMMANDER)) {
			return labId != null && AreaCodes.contains(viewer.scopeArea(), siteArea);
		}
		Long ownSite = viewer.place(Workplace.SITE);
		return ownSite != null ? ownSite == siteId : viewer.covers(siteArea);
	}
}
