package org.frontline.zones.web;

import java.util.ArrayList;
import java.util.List;

import org.frontline.shared.HomeFigure;
import org.frontline.shared.HomeFigures;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.zones.BoardRow;
import org.frontline.zones.ProposalStatus;
import org.frontline.zones.ZoneLevel;
import org.frontline.zones.ZoneProposals;
import org.frontline.zones.Zones;
import org.springframework.stereotype.Component;

/** The zones' part of the home page: zones locked down, zones that may be lifted today, proposals waiting. */
@Component
class ZonesHomeFigures implements HomeFigures {

	private final Zones zones;

	private final ZoneProposals proposals;

	ZonesHomeFigures(Zones zones, ZoneProposals proposals) {
		this.zones = zones;
		this.proposals = proposals;
	}

	@Override
	public List<HomeFigure> of(Viewer viewer) {
		List<HomeFigure> figures = new ArrayList<>();
		if (!viewer.hasAny(Role.ADMIN, Role.COMMANDER, Role.COMMUNITY_WORKER)) {
			return figures;
		}
		List<BoardRow> board = zones.board(null);
		figures.add(HomeFigure.count(15, "home.work.lockdownZones",
				board.stream().filter(r -> r.zone().level() == ZoneLevel.LOCKDOWN).count(), "/zones"));
		figures.add(HomeFigure.toDo(16, "home.work.liftableZones", board.stream().filter(BoardRow::eligible).count(),
				"/zones"));
		figures.add(HomeFigure.toDo(17, "home.work.zoneProposals",
				proposals.list(null, ProposalStatus.PENDING).size(), "/zones/proposals"));
		return figures;
	}
}
