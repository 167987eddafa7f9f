package org.frontline.supplies;

import java.util.ArrayList;
import java.util.List;

import org.frontline.shared.AlertSeverity;
import org.frontline.shared.DateTimes;
import org.frontline.supplies.internal.CheckInSets;
import org.frontline.supplies.internal.SuppliesAlerts;
import org.frontline.supplies.internal.SuppliesAlerts.Condition;
import org.frontline.supplies.internal.TubeUse;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's background work, each idempotent and run on a schedule (or by tests with the test clock): tubes and
 * swabs used by sampling, protective sets owed to samplers' check-ins, requests past their needed-by time, and places whose cover of an item fell below the
 * threshold.
 */
@Service
public class SupplyChecks {

	private final TubeUse tubeUse;

	private final CheckInSets checkInSets;

	private final SupplyRequests requests;

	private final DaysOfCover cover;

	private final SuppliesAlerts alerts;

	private final java.time.Clock clock;

	SupplyChecks(TubeUse tubeUse, CheckInSets checkInSets, SupplyRequests requests, DaysOfCover cover, SuppliesAlerts alerts,
			java.time.Clock clock) {
		this.tubeUse = tubeUse;
		this.checkInSets = checkInSets;
		this.requests = requests;
		this.cover = cover;
		this.alerts = alerts;
		this.clock = clock;
	}

	/** Takes from each site's stock the tubes and swabs its sampling used since the last run. */
	public long takeTubeUse() {
		return tubeUse.take();
	}

	/** Takes from each post's stock what samplers' check-ins are still owed of their protective sets. */
	public long takeOwedSets() {
		return checkInSets.takeOwed();
	}

	/** Raises an alert for each open request past its needed-by time, and clears those dealt with. */
	@Transactional
	public int checkOverdueRequests() {
		List<Condition> overdue = new ArrayList<>();
		for (SupplyRequest request : requests.overdue()) {
			overdue.add(new Condition("request-overdue:" + request.id(), AlertSeverity.WARNING, request.place().area(),
					"supplies.alert.request-overdue",
					List.of(name(request.place()), name(request.warehouse()),
							DateTimes.dateTime(request.neededBy(), clock.getZone())),
					"/supplies/requests#request-" + request.id(), request.neededBy()));
		}
		return alerts.reconcile("request-overdue:", overdue);
	}

	/** Raises an alert for each place and item under the low-cover threshold, and clears those covered again. */
	@Transactional
	public int checkLowCover() {
		List<Condition> low = new ArrayList<>();
		DistrictCover district = cover.everywhere();
		for (CoverLine line : district.lines()) {
			if (line.days() == null || line.days() >= district.lowCoverDays()) {
				continue;
			}
			low.add(new Condition("low-cover:" + line.place().code() + ":" + line.item().code(),
					line.days() < district.lowCoverDays() / 2 ? AlertSeverity.URGENT : AlertSeverity.WARNING,
					line.place().area(), "supplies.alert.low-cover",
					List.of(name(line.place()), line.item().name(), "%.1f".formatted(line.days())),
					"/supplies?place=" + line.place().code(), null));
		}
		return alerts.reconcile("low-cover:", low);
	}

	private static String name(PlaceInfo place) {
		return place.name() != null ? place.name() : place.code();
	}
}
