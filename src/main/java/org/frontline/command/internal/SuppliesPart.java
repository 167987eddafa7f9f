package org.frontline.command.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.frontline.area.Area;
import org.frontline.command.DayList;
import org.frontline.command.DaySection;
import org.frontline.command.OverviewPart;
import org.frontline.command.PartView;
import org.frontline.command.PartView.Block;
import org.frontline.command.PartView.Figure;
import org.frontline.command.PartView.Row;
import org.frontline.shared.AreaCodes;
import org.frontline.supplies.CoverLine;
import org.frontline.supplies.CoverOfDay;
import org.frontline.supplies.DaysOfCover;
import org.frontline.supplies.DistrictCover;
import org.frontline.supplies.RequestsOfDay;
import org.frontline.supplies.SupplyRequests;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The supplies' part: the places and items with the least days of cover, how many are under the low-cover threshold,
 * and the requests open past their needed-by time; in the daily report, the day's requests (made, received, overdue
 * at its end) and the days of cover at its end on the use of the days before.
 */
@Component("commandSuppliesPart")
class SuppliesPart implements OverviewPart {

	static final int LEAST_COVERED = 5;

	private final DaysOfCover cover;

	private final SupplyRequests requests;

	private final ZoneId zone;

	SuppliesPart(DaysOfCover cover, SupplyRequests requests, Clock clock) {
		this.cover = cover;
		this.requests = requests;
		this.zone = clock.getZone();
	}

	@Override
	public int order() {
		return 40;
	}

	@Override
	public Optional<PartView> live(Area area) {
		DistrictCover district = cover.of(area.code());
		long overdue = requests.overdue()
			.stream()
			.filter(r -> r.place().area() != null && AreaCodes.contains(area.code(), r.place().area()))
			.count();
		List<CoverLine> covered = district.lines().stream().filter(l -> l.days() != null).toList();
		if (covered.isEmpty() && overdue == 0) {
			return Optional.empty();
		}
		String least = covered.isEmpty() ? "/supplies" : stockPage(covered.get(0));
		List<Row> rows = covered.stream()
			.limit(LEAST_COVERED)
			.map(l -> new Row(name(l), stockPage(l), null, List.of(days(l.days()), l.usable(), l.inTransit())))
			.toList();
		return Optional.of(new PartView("supplies", "command.supplies.title", district.at(),
				List.of(Figure.decimal("leastCover", "command.supplies.leastCover",
						covered.isEmpty() ? null : days(covered.get(0).days()), 1, least),
						Figure.toDo("low", "command.supplies.low", district.low(), least),
						Figure.toDo("overdueRequests", "command.supplies.overdueRequests", overdue, "/supplies/requests")),
				List.of(new Block("leastCovered", "command.supplies.leastCovered", false,
						List.of("command.supplies.days", "command.supplies.usable", "command.supplies.inTransit"),
						List.of(1, 0, 0), rows))));
	}

	@Override
	public List<DaySection> day(Area area, List<Area> rows, Instant from, Instant to) {
		return day(area, rows, from, to, true);
	}

	private List<DaySection> day(Area area, List<Area> rows, Instant from, Instant to, boolean withCover) {
		String low = AreaCodes.prefix(area.code());
		List<RequestsOfDay> day = requests.day(low, AreaCodes.upperBound(low), from, to);
		Map<String, List<Long>> byArea = new LinkedHashMap<>();
		for (Area row : rows) {
			List<RequestsOfDay> in = day.stream().filter(d -> AreaCodes.contains(row.code(), d.area())).toList();
			byArea.put(row.code(), List.of(in.stream().mapToLong(RequestsOfDay::made).sum(),
					in.stream().mapToLong(RequestsOfDay::received).sum(), in.stream().mapToLong(RequestsOfDay::overdue).sum()));
		}
		DaySection requestsSection = new DaySection("supplies.requests", "command.report.supplies",
				List.of("command.supplies.requestsMade", "command.supplies.requestsReceived", "command.supplies.requestsOverdue"),
				byArea);
		if (!withCover) {
			return List.of(requestsSection);
		}
		List<CoverOfDay> cover = this.cover.atEndOf(low, AreaCodes.upperBound(low), LocalDate.ofInstant(from, zone));
		Map<String, List<Long>> coverByArea = new LinkedHashMap<>();
		for (Area row : rows) {
			List<CoverOfDay> in = cover.stream().filter(c -> AreaCodes.contains(row.code(), c.area())).toList();
			Long least = in.stream()
				.map(CoverOfDay::leastDays)
				.filter(Objects::nonNull)
				.min(Double::compare)
				.map(d -> Math.round(d * 10))
				.orElse(null);
			coverByArea.put(row.code(), Arrays.asList(least, in.stream().mapToLong(CoverOfDay::low).sum()));
		}
		return List.of(requestsSection,
				new DaySection("supplies.cover", "command.report.cover",
						List.of("command.supplies.leastCoverAtEnd", "command.supplies.lowAtEnd"), coverByArea, List.of(1, 0)));
	}

	/** The places and items with the least days of cover at the window's end, named in Chinese like the report. */
	@Override
	public List<DayList> lists(Area area, Instant from, Instant to) {
		String low = AreaCodes.prefix(area.code());
		List<DayList.Line> lines = cover.leastAtEndOf(low, AreaCodes.upperBound(low), LocalDate.ofInstant(from, zone),
				LEAST_COVERED)
			.stream()
			.map(l -> new DayList.Line(Objects.requireNonNullElse(l.place().name(), l.place().code()) + " · "
					+ l.item().name(false), List.of(Math.round(l.days() * 10), l.usable())))
			.toList();
		return List.of(new DayList("supplies.leastCovered", "command.report.leastCovered", "command.report.placeItem",
				List.of("command.supplies.days", "command.supplies.usable"), List.of(1, 0), lines));
	}

	/**
	 * The trend has the day's requests only: days of cover at a day's end replay the ledger written since, which for
	 * fourteen days on end costs more than a figure no chart shows.
	 */
	@Override
	public List<DaySection> trend(Area area, Instant from, Instant to) {
		return day(area, List.of(area), from, to, false);
	}

	/** Days of cover to one decimal, rounded as the supplies pages show them. */
	static double days(double days) {
		return Math.round(days * 10) / 10.0;
	}

	private static String name(CoverLine line) {
		boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
		return Objects.requireNonNullElse(line.place().name(), line.place().code()) + " · " + line.item().name(english);
	}

	private static String stockPage(CoverLine line) {
		return "/supplies?place=" + line.place().code();
	}
}
