package org.frontline.command.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.frontline.area.Area;
import org.frontline.command.DaySection;
import org.frontline.command.OverviewPart;
import org.frontline.command.PartView;
import org.frontline.command.PartView.Figure;
import org.frontline.shared.AreaCodes;
import org.frontline.zones.BoardRow;
import org.frontline.zones.Notices;
import org.frontline.zones.ProposalStatus;
import org.frontline.zones.ZoneLevel;
import org.frontline.zones.ZoneProposals;
import org.frontline.zones.Zones;
import org.springframework.stereotype.Component;

/** The zones' part: areas in force at each level, those that may be lifted today, proposals waiting for a decision. */
@Component("commandZonesPart")
class ZonesPart implements OverviewPart {

	private final Zones zones;

	private final ZoneProposals proposals;

	private final Notices notices;

	private final ZoneCounts counts;

	private final Clock clock;

	ZonesPart(Zones zones, ZoneProposals proposals, Notices notices, ZoneCounts counts, Clock clock) {
		this.zones = zones;
		this.proposals = proposals;
		this.notices = notices;
		this.counts = counts;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public Optional<PartView> live(Area area) {
		List<BoardRow> board = zones.board(area.code());
		String page = "/zones?area=" + area.code();
		List<Figure> figures = new ArrayList<>();
		for (ZoneLevel level : ZoneLevel.values()) {
			figures.add(Figure.count(level.name(), "enum.ZoneLevel." + level.name(),
					board.stream().filter(r -> r.zone().level() == level).count(), page));
		}
		figures.add(Figure.toDo("eligible", "command.zones.eligible", board.stream().filter(BoardRow::eligible).count(),
				page));
		figures.add(Figure.toDo("proposals", "command.zones.proposals",
				proposals.list(area.code(), ProposalStatus.PENDING).size(), "/zones/proposals"));
		return Optional.of(new PartView("zones", "command.zones.title", clock.instant(), figures, List.of()));
	}

	@Override
	public List<DaySection> day(Area area, List<Area> rows, Instant from, Instant to) {
		String low = AreaCodes.prefix(area.code());
		List<ZoneCounts.InForce> inForce = counts.inForce(low, AreaCodes.upperBound(low), to);
		Map<String, List<Long>> byArea = new LinkedHashMap<>();
		for (Area row : rows) {
			List<Long> values = new ArrayList<>();
			for (ZoneLevel level : ZoneLevel.values()) {
				values.add(inForce.stream()
					.filter(z -> z.level().equals(level.name()) && AreaCodes.contains(row.code(), z.area()))
					.count());
			}
			byArea.put(row.code(), values);
		}
		List<String> columns = new ArrayList<>();
		for (ZoneLevel level : ZoneLevel.values()) {
			columns.add("enum.ZoneLevel." + level.name());
		}
		return List.of(new DaySection("zones.inForce", "command.report.zones", columns, byArea));
	}

	@Override
	public List<String> notices(Instant from, Instant to) {
		return notices.list()
			.stream()
			.filter(n -> n.publishedAt() != null && !n.publishedAt().isBefore(from) && n.publishedAt().isBefore(to))
			.map(n -> n.authority() + "第" + n.number() + "号：" + n.title())
			.toList();
	}
}
