package org.frontline.command.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.frontline.area.Area;
import org.frontline.command.DaySection;
import org.frontline.command.OverviewPart;
import org.frontline.command.PartView;
import org.frontline.command.PartView.Block;
import org.frontline.command.PartView.Figure;
import org.frontline.command.PartView.Row;
import org.frontline.shared.AreaCodes;
import org.frontline.shared.ZoneMarks;
import org.frontline.testing.Coverage;
import org.frontline.testing.CoverageFigures;
import org.frontline.testing.FollowUps;
import org.frontline.testing.RetestTask;
import org.frontline.testing.Round;
import org.frontline.testing.RoundStatus;
import org.frontline.testing.Rounds;
import org.frontline.testing.TestingCounts;
import org.frontline.testing.TestingCounts.ResultFlow;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Testing's part: the open round's coverage as a grid of the areas below, samples and results today with their
 * turnaround, tubes waiting for a result, positives today by how they were found, pools and retests under follow-up.
 */
@Component("commandTestingPart")
class TestingPart implements OverviewPart {

	private final Rounds rounds;

	private final Coverage coverage;

	private final FollowUps followUps;

	private final TestingCounts counts;

	private final PositiveLedger positives;

	private final ObjectProvider<ZoneMarks> zones;

	private final Clock clock;

	TestingPart(Rounds rounds, Coverage coverage, FollowUps followUps, TestingCounts counts, PositiveLedger positives,
			ObjectProvider<ZoneMarks> zones, Clock clock) {
		this.zones = zones;
		this.rounds = rounds;
		this.coverage = coverage;
		this.followUps = followUps;
		this.counts = counts;
		this.positives = positives;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public Optional<PartView> live(Area area) {
		Instant now = clock.instant();
		Instant midnight = LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant();
		String low = AreaCodes.prefix(area.code());
		String high = AreaCodes.upperBound(low);
		List<Figure> figures = new ArrayList<>();
		List<Block> blocks = new ArrayList<>();
		Optional<Round> open = rounds.list()
			.stream()
			.filter(r -> r.status() == RoundStatus.OPEN)
			.filter(r -> r.areas().stream().anyMatch(a -> AreaCodes.contains(a, area.code()) || AreaCodes.contains(area.code(), a)))
			.findFirst();
		open.ifPresent(round -> {
			CoverageFigures covered = coverage.coverage(round.id(), area.code());
			String page = "/testing/rounds/" + round.id() + "?area=" + area.code();
			figures.add(Figure.percent("coverage", "command.testing.coverage", covered.percent(), page));
			figures.add(Figure.count("sampled", "command.testing.sampled", covered.sampled(), page));
			figures.add(Figure.toDo("notSampled", "command.testing.notSampled", covered.notSampled(),
					"/testing/rounds/" + round.id() + "/missing?area=" + area.code()));
			blocks.add(new Block("coverage", "command.testing.grid", true,
					List.of("command.testing.sampled", "command.testing.inScope"),
					covered.children().stream()
						.map(c -> new Row(c.name(), "/testing/rounds/" + round.id() + "?area=" + c.area(), c.percent(),
								List.of(c.sampled(), c.inScope() - c.exempted())))
						.toList()));
		});
		// Today so far is all of today: its window ends at a quarter of an hour, so the tallies answer it whole, not
		// the samples and results of the quarter under way counted from the rows on every read.
		Instant tomorrow = LocalDate.now(clock).plusDays(1).atStartOfDay(clock.getZone()).toInstant();
		Map<String, Long> samples = counts.samplesBySiteArea(low, high, midnight, tomorrow);
		figures.add(Figure.count("samplesToday", "command.testing.samplesToday",
				samples.values().stream().mapToLong(Long::longValue).sum(), "/testing/rounds"));
		ResultFlow flow = counts.results(low, high, midnight, tomorrow, now.minus(Duration.ofDays(3)));
		figures.add(Figure.toDo("awaiting", "command.testing.awaiting", flow.awaiting(), "/testing/results"));
		figures.add(Figure.count("resultedToday", "command.testing.resultedToday", flow.resulted(), "/testing/results"));
		figures.add(Figure.count("p50", "command.testing.p50", flow.p50Minutes(), "/testing/results"));
		figures.add(Figure.count("p90", "command.testing.p90", flow.p90Minutes(), "/testing/results"));
		Map<FoundBy, Long> found = new LinkedHashMap<>();
		positives.counts(low, high, midnight, now)
			.values()
			.forEach(byWay -> byWay.forEach((way, n) -> found.merge(way, n, Long::sum)));
		figures.add(Figure.toDo("positivesToday", "command.testing.positivesToday",
				found.values().stream().mapToLong(Long::longValue).sum(), "/testing/followups"));
		for (FoundBy way : ways()) {
			figures.add(Figure.count("positives." + way.name(), "enum.FoundBy." + way.name(),
					found.getOrDefault(way, 0L), "/testing/followups"));
		}
		List<RetestTask> tasks = followUps.tasks(area.code(), "OPEN");
		figures.add(Figure.toDo("poolsAwaitingRetest", "command.testing.poolsAwaitingRetest",
				tasks.stream().map(RetestTask::sourceTube).collect(Collectors.toSet()).size(), "/testing/followups"));
		figures.add(Figure.toDo("overdueRetests", "command.testing.overdueRetests",
				tasks.stream().filter(RetestTask::overdue).count(), "/testing/followups"));
		return Optional.of(new PartView("testing", "command.testing.title", now, figures, blocks));
	}

	@Override
	public List<DaySection> day(Area area, List<Area> rows, Instant from, Instant to) {
		String low = AreaCodes.prefix(area.code());
		String high = AreaCodes.upperBound(low);
		Map<String, Long> samples = counts.samplesBySiteArea(low, high, from, to);
		Map<String, Map<FoundBy, Long>> found = positives.counts(low, high, from, to);
		Map<String, List<Long>> sampled = new LinkedHashMap<>();
		Map<String, List<Long>> positive = new LinkedHashMap<>();
		List<FoundBy> ways = REPORTED;
		for (Area row : rows) {
			sampled.put(row.code(), List.of(sum(samples, row)));
			List<Long> values = new ArrayList<>();
			long total = 0;
			for (FoundBy way : ways) {
				long n = found.entrySet()
					.stream()
					.filter(e -> AreaCodes.contains(row.code(), e.getKey()))
					.mapToLong(e -> e.getValue().getOrDefault(way, 0L))
					.sum();
				values.add(n);
				total += n;
			}
			values.add(0, total);
			positive.put(row.code(), values);
		}
		List<String> positiveColumns = new ArrayList<>();
		positiveColumns.add("command.testing.positives");
		ways.forEach(way -> positiveColumns.add("enum.FoundBy." + way.name()));
		return List.of(new DaySection("testing.samples", "command.report.samples", List.of("command.testing.samples"),
				sampled), new DaySection("testing.positives", "command.report.positives", positiveColumns, positive));
	}

	/** The report's columns of positives, the same whatever modules there are. */
	static final List<FoundBy> REPORTED = List.of(FoundBy.IN_QUARANTINE, FoundBy.IN_CONTROL_ZONE,
			FoundBy.COMMUNITY_SCREENING);

	/** The ways of finding this district can tell apart (a control zone needs the zones module). */
	private List<FoundBy> ways() {
		return zones.getIfAvailable() == null ? List.of(FoundBy.IN_QUARANTINE, FoundBy.COMMUNITY_SCREENING)
				: List.of(FoundBy.IN_QUARANTINE, FoundBy.IN_CONTROL_ZONE, FoundBy.COMMUNITY_SCREENING);
	}

	static long sum(Map<String, Long> byArea, Area row) {
		return byArea.entrySet()
			.stream()
			.filter(e -> AreaCodes.contains(row.code(), e.getKey()))
			.mapToLong(Map.Entry::getValue)
			.sum();
	}
}
