package org.frontline.command.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.frontline.area.Area;
import org.frontline.command.DaySection;
import org.frontline.command.OverviewPart;
import org.frontline.command.PartView;
import org.frontline.command.PartView.Block;
import org.frontline.command.PartView.Figure;
import org.frontline.command.PartView.Row;
import org.frontline.quarantine.Anomalies;
import org.frontline.quarantine.Capacity;
import org.frontline.quarantine.Facilities;
import org.frontline.quarantine.FacilityCapacity;
import org.frontline.quarantine.QuarantineCounts;
import org.frontline.quarantine.QuarantineCounts.FacilityDay;
import org.frontline.shared.AreaCodes;
import org.springframework.stereotype.Component;

/**
 * Quarantine's part: rooms free, occupied and being disinfected per facility, arrivals planned, anomalies open and
 * overdue, releases due.
 */
@Component("commandQuarantinePart")
class QuarantinePart implements OverviewPart {

	private final Facilities facilities;

	private final Anomalies anomalies;

	private final QuarantineCounts counts;

	private final Clock clock;

	QuarantinePart(Facilities facilities, Anomalies anomalies, QuarantineCounts counts, Clock clock) {
		this.facilities = facilities;
		this.anomalies = anomalies;
		this.counts = counts;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public Optional<PartView> live(Area area) {
		String low = AreaCodes.prefix(area.code());
		Set<Long> inside = counts.facilityAreas(low, AreaCodes.upperBound(low)).keySet();
		if (inside.isEmpty()) {
			return Optional.empty();
		}
		Capacity capacity = facilities.capacity();
		List<FacilityCapacity> shown = capacity.facilities()
			.stream()
			.filter(f -> inside.contains(f.facilityId()))
			.toList();
		Instant now = clock.instant();
		long overdue = anomalies.list("OPEN")
			.stream()
			.filter(a -> inside.contains(a.facilityId()))
			.filter(a -> a.acknowledgedAt() == null && a.ackDeadline() != null && a.ackDeadline().isBefore(now))
			.count();
		String page = "/quarantine?area=" + area.code();
		List<Figure> figures = new ArrayList<>();
		figures.add(Figure.count("available", "enum.RoomStatus.AVAILABLE", sum(shown, FacilityCapacity::available),
				page));
		figures.add(Figure.count("occupied", "enum.RoomStatus.OCCUPIED", sum(shown, FacilityCapacity::occupied),
				page));
		figures.add(Figure.count("awaitingDisinfection", "enum.RoomStatus.AWAITING_DISINFECTION",
				sum(shown, FacilityCapacity::awaitingDisinfection), page));
		figures.add(Figure.count("arrivals", "command.quarantine.arrivals",
				sum(shown, FacilityCapacity::arrivalsNext24h), page));
		figures.add(Figure.toDo("openAnomalies", "command.quarantine.openAnomalies",
				sum(shown, FacilityCapacity::openAnomalies), "/quarantine/anomalies?status=OPEN"));
		figures.add(Figure.toDo("overdueAnomalies", "command.quarantine.overdueAnomalies", overdue,
				"/quarantine/anomalies?status=OPEN"));
		figures.add(Figure.count("releases", "command.quarantine.releases",
				sum(shown, FacilityCapacity::releasesNext24h), page));
		List<Row> rows = shown.stream()
			.map(f -> new Row(f.name(), "/quarantine/facilities/" + f.facilityId(),
					f.total() == 0 ? null : 100.0 * f.available() / f.total(),
					List.of(f.available(), f.occupied(), f.awaitingDisinfection(), f.arrivalsNext24h(),
							f.openAnomalies())))
			.toList();
		List<Block> blocks = List.of(new Block("facilities", "command.quarantine.facilities", false,
				List.of("enum.RoomStatus.AVAILABLE", "enum.RoomStatus.OCCUPIED", "enum.RoomStatus.AWAITING_DISINFECTION",
						"command.quarantine.arrivals", "command.quarantine.openAnomalies"),
				rows));
		return Optional.of(new PartView("quarantine", "command.quarantine.title", capacity.at(), figures, blocks));
	}

	@Override
	public List<DaySection> day(Area area, List<Area> rows, Instant from, Instant to) {
		String low = AreaCodes.prefix(area.code());
		List<FacilityDay> days = counts.days(low, AreaCodes.upperBound(low), from, to);
		Map<String, List<Long>> byArea = new LinkedHashMap<>();
		for (Area row : rows) {
			List<FacilityDay> in = days.stream().filter(d -> AreaCodes.contains(row.code(), d.area())).toList();
			byArea.put(row.code(), List.of(in.stream().mapToLong(FacilityDay::admitted).sum(),
					in.stream().mapToLong(FacilityDay::released).sum(),
					in.stream().mapToLong(FacilityDay::staying).sum()));
		}
		return List.of(new DaySection("quarantine.stays", "command.report.quarantine",
				List.of("command.quarantine.admitted", "command.quarantine.released", "command.quarantine.staying"),
				byArea));
	}

	private static long sum(List<FacilityCapacity> facilities, java.util.function.ToLongFunction<FacilityCapacity> f) {
		return facilities.stream().mapToLong(f).sum();
	}
}
