package org.frontline.zones.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.frontline.area.Area;
import org.frontline.area.AreaLevel;
import org.frontline.audit.AuditLog;
import org.frontline.shared.Problem;
import org.frontline.zones.LiftTarget;
import org.frontline.zones.Zone;
import org.frontline.zones.ZoneLevel;
import org.frontline.zones.ZoneRule;
import org.frontline.zones.internal.NoticeRepository.NoticeRow;
import org.springframework.stereotype.Component;

/**
 * Sets and lifts zones by a notice, from the time the notice takes effect: a new period under the rule version in
 * force then; an open zone on the same area and buildings is re-classified (it ends when the next period begins).
 * Every change is audited.
 */
@Component
public class ZoneChanges {

	private static final Pattern BUILDING_SUFFIX = Pattern.compile("^(.*?)(幢|栋|号楼|楼)$");

	private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d{1,10})(.*)$");

	private final ZoneRepository zones;

	private final RuleRepository rules;

	private final AuditLog auditLog;

	ZoneChanges(ZoneRepository zones, RuleRepository rules, AuditLog auditLog) {
		this.zones = zones;
		this.rules = rules;
		this.auditLog = auditLog;
	}

	/**
	 * Puts an area (a subdistrict, community or compound) or some buildings of a compound at a level from the time the
	 * notice takes effect. {@code field} names the request's field for problems.
	 */
	public Zone set(Area area, List<String> buildings, ZoneLevel level, NoticeRow notice, String by, String field) {
		List<String> inBuildings = buildings(buildings);
		check(area, inBuildings, field);
		Instant since = notice.effectiveFrom();
		ZoneRule rule = rules.inForce(level, since)
			.orElseThrow(() -> Problem.conflict("no-zone-rule", "zones.rule.none-in-force", level));
		Optional<Zone> open = zones.lockOpen(area.code(), inBuildings);
		Long previous = null;
		if (open.isPresent()) {
			Zone current = open.get();
			if (current.level() == level) {
				throw Problem.conflict("zone-unchanged", "zones.zone.already-at-level", area.name(), level);
			}
			if (since.isBefore(current.since())) {
				throw Problem.conflict("notice-before-zone", "zones.zone.notice-before-zone", notice.number());
			}
			zones.end(current.id(), since, notice.id());
			previous = current.id();
		}
		long id = zones.insert(area.code(), area.name(), inBuildings, level, rule.id(), notice.id(), since, previous, by);
		auditLog.record("ZONE_SET", "zones_zone", id, area.code() + (inBuildings.isEmpty() ? "" : " " + inBuildings)
				+ " " + level + " notice " + notice.number() + " rule v" + rule.version());
		return zones.find(id).orElseThrow();
	}

	/** Lifts a zone to a milder level (a new period) or out of zones, from the time the notice takes effect. */
	public Optional<Zone> lift(Zone zone, LiftTarget to, NoticeRow notice, String by, Area area) {
		if (zone.until() != null) {
			throw Problem.conflict("zone-ended", "zones.zone.ended", zone.id());
		}
		if (!to.milderThan(zone.level())) {
			throw Problem.invalid("to", "zones.lift.not-milder", zone.level(), to);
		}
		Instant since = notice.effectiveFrom();
		if (since.isBefore(zone.since())) {
			throw Problem.conflict("notice-before-zone", "zones.zone.notice-before-zone", notice.number());
		}
		ZoneRule rule = to.level() == null ? null
				: rules.inForce(to.level(), since)
					.orElseThrow(() -> Problem.conflict("no-zone-rule", "zones.rule.none-in-force", to.level()));
		zones.end(zone.id(), since, notice.id());
		auditLog.record("ZONE_LIFT", "zones_zone", zone.id(), zone.area() + " " + zone.level() + " -> " + to
				+ " notice " + notice.number());
		if (rule == null) {
			return Optional.empty();
		}
		long id = zones.insert(zone.area(), area == null ? zone.areaName() : area.name(), zone.buildings(), to.level(),
				rule.id(), notice.id(), since, zone.id(), by);
		auditLog.record("ZONE_SET", "zones_zone", id, zone.area() + (zone.buildings().isEmpty() ? "" : " " + zone.buildings())
				+ " " + to.level() + " notice " + notice.number() + " rule v" + rule.version());
		return zones.find(id);
	}

	/** Checks where a zone may be: a subdistrict, community or compound; buildings only of a compound. */
	public static void check(Area area, List<String> buildings, String field) {
		if (area.level() != AreaLevel.SUBDISTRICT && area.level() != AreaLevel.COMMUNITY
				&& area.level() != AreaLevel.COMPOUND) {
			throw Problem.invalid(field + "area", "zones.zone.area-level", area.name());
		}
		if (!buildings.isEmpty() && area.level() != AreaLevel.COMPOUND) {
			throw Problem.invalid(field + "buildings", "zones.zone.buildings-of-compound", area.name());
		}
	}

	/**
	 * Building numbers as the registry writes them ({@code 3}, not {@code 3幢}), each once, in natural order (2
	 * before 11).
	 */
	public static List<String> buildings(List<String> buildings) {
		if (buildings == null) {
			return List.of();
		}
		LinkedHashSet<String> normalized = new LinkedHashSet<>();
		for (String building : buildings) {
			if (building == null || building.isBlank()) {
				continue;
			}
			String value = building.strip();
			Matcher suffix = BUILDING_SUFFIX.matcher(value);
			if (suffix.matches() && !suffix.group(1).isBlank()) {
				value = suffix.group(1).strip();
			}
			normalized.add(value);
		}
		List<String> sorted = new ArrayList<>(normalized);
		sorted.sort(Comparator.comparing(ZoneChanges::buildingKey));
		return List.copyOf(sorted);
	}

	/** A building number's sort key: 2 before 11. */
	public static String buildingKey(String part) {
		Matcher number = LEADING_NUMBER.matcher(part);
		return number.matches() ? "%010d".formatted(Long.parseLong(number.group(1))) + number.group(2) : part;
	}
}
