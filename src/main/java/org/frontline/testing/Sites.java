package org.frontline.testing;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.frontline.area.Areas;
import org.frontline.audit.AuditLog;
import org.frontline.shared.AreaCodes;
import org.frontline.shared.Message;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Validation;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.shared.Workplace;
import org.frontline.testing.internal.PlaceRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sampling sites and labs. A user limited to one site or lab sees only that one. */
@Service
public class Sites {

	static final Role[] MANAGERS = { Role.ADMIN, Role.COMMANDER };

	private final PlaceRepository places;

	private final Areas areas;

	private final AuditLog auditLog;

	private final Validation validation;

	private final Clock clock;

	Sites(PlaceRepository places, Areas areas, AuditLog auditLog, Validation validation, Clock clock) {
		this.places = places;
		this.areas = areas;
		this.auditLog = auditLog;
		this.validation = validation;
		this.clock = clock;
	}

	@Transactional
	public Site create(NewSite site) {
		Viewer viewer = Viewers.requireAny(MANAGERS);
		Problem.Errors errors = new Problem.Errors().addAll(validation.errors(site));
		if (site == null) {
			errors.throwIfAny();
		}
		checkArea("area", site.area(), viewer, errors);
		int stations = site.stations() == null ? 1 : site.stations();
		List<NewSite.NewStop> stops = site.stops() == null ? List.of() : site.stops();
		if (!stops.isEmpty() && site.kind() != SiteKind.MOBILE) {
			errors.add("stops", "testing.site.stops-only-mobile");
		}
		for (int i = 0; i < stops.size(); i++) {
			NewSite.NewStop stop = stops.get(i);
			if (stop != null && stop.area() != null) {
				checkArea("stops[" + i + "].area", stop.area(), viewer, errors);
			}
		}
		errors.throwIfAny();
		long id = places.insertSite(site.name().strip(), site.kind(), site.area().strip(), site.location(), stations,
				site.leader());
		for (int i = 0; i < stops.size(); i++) {
			places.insertStop(id, i + 1, stops.get(i));
		}
		auditLog.record("SITE_CREATE", "site", id, site.name());
		return places.site(id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Site get(long id) {
		return visible(Viewers.require(), id);
	}

	/** The sites the viewer may see: their own site, or every site inside their area. */
	@Transactional(readOnly = true)
	public List<Site> list() {
		Viewer viewer = Viewers.require();
		Long own = viewer.place(Workplace.SITE);
		if (own != null) {
			return places.site(own).map(List::of).orElse(List.of());
		}
		return places.sitesInside(viewer.scopeLow(), viewer.scopeHigh());
	}

	/**
	 * Every site inside any of the areas (a round's areas) that the viewer's scope covers, with its stops, in area
	 * order: for planning a round, so not limited to a page.
	 */
	@Transactional(readOnly = true)
	public List<Site> inside(List<String> areaCodes) {
		Viewer viewer = Viewers.requireAny(MANAGERS);
		Map<Long, Site> sites = new LinkedHashMap<>();
		for (String code : new TreeSet<>(areaCodes)) {
			String prefix = AreaCodes.prefix(code);
			places.allSitesInside(prefix, AreaCodes.upperBound(prefix))
				.stream()
				.filter(site -> viewer.covers(site.area()))
				.forEach(site -> sites.putIfAbsent(site.id(), site));
		}
		return List.copyOf(sites.values());
	}

	/** Sets how many swab stations (a door-to-door site: teams) a site has, as a round's plan needs. */
	@Transactional
	public Site setStations(long id, int stations) {
		Viewer viewer = Viewers.requireAny(MANAGERS);
		visible(viewer, id);
		if (stations < 1 || stations > 200) {
			throw Problem.invalid("stations", "testing.site.stations");
		}
		places.setStations(id, stations);
		auditLog.record("SITE_STATIONS", "site", id, String.valueOf(stations));
		return places.site(id).orElseThrow();
	}

	@Transactional
	public Site setOpen(long id, boolean open) {
		Viewer viewer = Viewers.requireAny(Role.ADMIN, Role.COMMANDER, Role.SITE_LEADER);
		visible(viewer, id);
		places.setOpen(id, open);
		auditLog.record(open ? "SITE_OPEN" : "SITE_CLOSE", "site", id, null);
		return places.site(id).orElseThrow();
	}

	/** Records that a mobile site has arrived at one of its stops (and left the one before). */
	@Transactional
	public Site arrive(long id, int position) {
		Viewer viewer = Viewers.requireAny(Role.ADMIN, Role.COMMANDER, Role.SITE_LEADER, Role.REGISTRAR);
		Site site = visible(viewer, id);
		if (site.kind() != SiteKind.MOBILE || !places.arrive(id, position, clock.instant())) {
			throw Problem.notFound("testing.site.stop-not-found", position, id);
		}
		auditLog.record("SITE_ARRIVE", "site", id, "stop " + position);
		return places.site(id).orElseThrow();
	}

	@Transactional
	public Lab createLab(String name, String area) {
		Viewer viewer = Viewers.requireAny(MANAGERS);
		Problem.Errors errors = new Problem.Errors();
		Validation.required(name, "name", Message.of("testing.lab.name"), 100, errors);
		String code = area == null || area.isBlank() ? viewer.scopeArea() : area.strip();
		checkArea("area", code, viewer, errors);
		errors.throwIfAny();
		if (places.labByName(name.strip()).isPresent()) {
			throw Problem.conflict("duplicate-lab", "testing.lab.exists", name.strip());
		}
		long id = places.insertLab(name.strip(), code);
		auditLog.record("LAB_CREATE", "lab", id, name);
		return places.lab(id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<Lab> labs() {
		Viewer viewer = Viewers.require();
		Long own = viewer.place(Workplace.LAB);
		return places.labs().stream().filter(l -> own == null ? viewer.covers(l.area()) || AreaCodes.contains(l.area(), viewer.scopeArea()) : own == l.id()).toList();
	}

	private Site visible(Viewer viewer, long id) {
		Long own = viewer.place(Workplace.SITE);
		return places.site(id)
			.filter(s -> own == null ? viewer.covers(s.area()) : own == s.id())
			.orElseThrow(() -> Problem.notFound("testing.site.not-found", id));
	}

	private void checkArea(String field, String code, Viewer viewer, Problem.Errors errors) {
		if (code == null || code.isBlank()) {
			errors.add(field, "problem.constraint.NotBlank", Message.of("field.NewSite.area"));
		}
		else if (!AreaCodes.wellFormed(code.strip()) || areas.find(code.strip()).isEmpty()) {
			errors.add(field, "area.not-found", code.strip());
		}
		else if (!viewer.covers(code.strip())) {
			errors.add(field, "area.outside-scope", code.strip());
		}
	}
}
