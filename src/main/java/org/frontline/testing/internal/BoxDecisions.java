package org.frontline.testing.internal;

import static org.frontline.testing.internal.ScanDecisions.required;
import static org.frontline.testing.internal.ScanDecisions.requireNotBefore;
import static org.frontline.testing.internal.ScanDecisions.requireWriter;
import static org.frontline.testing.internal.ScanDecisions.writable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Workplace;
import org.frontline.testing.BoxStatus;
import org.frontline.testing.ScanEvent;
import org.frontline.testing.ScanResult;
import org.frontline.testing.ScanResult.Status;
import org.frontline.testing.internal.ScanDecisions.Rejected;
import org.frontline.testing.internal.ScanDecisions.TubeState;

/**
 * The scan rules of boxes as pure decisions, beside {@link ScanDecisions}: a sealed tube goes into a box being packed,
 * the box leaves with a courier for a lab, and that lab receives it. Only the per-event path ({@link ScanRules}) boxes,
 * dispatches and receives.
 */
final class BoxDecisions {

	private BoxDecisions() {
	}

	/** A box as the rules see it, with the number of tubes in it. */
	record BoxState(long id, String code, long siteId, String siteArea, BoxStatus status, Long labId, Instant packedAt,
			int tubes) {
	}

	/** A lab received a box dispatched to another lab: refused, and the sending site is told. */
	static final class Misdelivered extends Rejected {

		final BoxState box;

		final long labId;

		Misdelivered(BoxState box, long labId) {
			super("WRONG_LAB", "This box was dispatched to another lab; it stays on its way there.");
			this.box = box;
			this.labId = labId;
		}
	}

	/** BOXED: a sealed tube of the box's site goes into a box that is still being packed (made by its first tube). */
	record Boxing(TubeState tube, BoxState box) {

		ScanResult answer(String eventId, int tubesInBox) {
			return new ScanResult(eventId, Status.ACCEPTED, null, null, null, tubesInBox, null, tube.status(),
					BoxStatus.PACKING);
		}
	}

	static TubeState boxingTube(Viewer viewer, ScanEvent event, Instant at, TubeState tube) {
		required(event.boxCode(), "boxCode");
		TubeState found = writable(viewer, event, tube);
		if (!found.sealed()) {
			throw new Rejected("TUBE_NOT_SEALED", "Only a sealed tube goes into a box.");
		}
		requireNotBefore(at, found.roundBegan(), "the round began");
		return found;
	}

	/** Whether a box that does not exist yet may be made with this code. */
	static void requireBoxCode(String code) {
		if (!ScanDecisions.CODE.matcher(code).matches()) {
			throw new Rejected("INVALID_EVENT", "A box code has 1 to 40 letters, digits or '-'.");
		}
	}

	static Boxing boxing(TubeState tube, BoxState box) {
		if (box.siteId() != tube.siteId()) {
			throw new Rejected("BOX_OF_ANOTHER_SITE", "This box belongs to another site.");
		}
		if (box.status() != BoxStatus.PACKING) {
			throw new Rejected("BOX_CLOSED", "The box was already handed over.");
		}
		if (tube.boxId() != null) {
			throw new Rejected(tube.boxId() == box.id() ? "ALREADY_IN_BOX" : "TUBE_IN_ANOTHER_BOX",
					"The tube is already in a box.");
		}
		return new Boxing(tube, box);
	}

	/** BOX_DISPATCHED: the box leaves its site with a courier, for the lab the dispatch names. */
	record Dispatch(BoxState box, String courier, long labId) {

		ScanResult answer(String eventId) {
			return new ScanResult(eventId, Status.ACCEPTED, null, null, null, box.tubes(), null, null,
					BoxStatus.DISPATCHED);
		}
	}

	static Dispatch dispatch(Viewer viewer, ScanEvent event, Instant at, BoxState box, boolean labExists) {
		if (box == null) {
			throw new Rejected("BOX_UNKNOWN", "No such box.");
		}
		requireWriter(viewer, box.siteId(), box.siteArea(), false);
		String courier = required(event.courier(), "courier");
		if (event.labId() == null) {
			throw new Rejected("INVALID_EVENT", "BOX_DISPATCHED needs labId: the lab the box goes to.");
		}
		if (!labExists) {
			throw new Rejected("LAB_UNKNOWN", "No such lab.");
		}
		if (box.status() != BoxStatus.PACKING) {
			throw new Rejected("BOX_CLOSED", "The box was already handed over.");
		}
		if (box.tubes() == 0) {
			throw new Rejected("BOX_EMPTY", "An empty box is not handed over.");
		}
		requireNotBefore(at, box.packedAt(), "the box was packed");
		return new Dispatch(box, courier, event.labId());
	}

	/** BOX_RECEIVED before the box is looked at: only a lab (or an administrator) receives, for its own lab. */
	static long receiving(Viewer viewer, ScanEvent event, boolean labExists) {
		if (event.labId() == null) {
			throw new Rejected("INVALID_EVENT", "BOX_RECEIVED needs labId.");
		}
		Long ownLab = viewer.place(Workplace.LAB);
		if (!viewer.hasAny(Role.LAB, Role.ADMIN) || (ownLab != null && ownLab.longValue() != event.labId())) {
			throw new Rejected("FORBIDDEN", "You cannot receive boxes for this lab.");
		}
		if (!labExists) {
			throw new Rejected("LAB_UNKNOWN", "No such lab.");
		}
		required(event.boxCode(), "boxCode");
		return event.labId();
	}

	/** BOX_RECEIVED: the lab the box was dispatched to takes it; tubes missing from it or extra are noted. */
	record Receipt(BoxState box, long labId, List<String> found, List<String> missing, List<String> extra) {

		ScanResult answer(String eventId) {
			boolean exact = missing.isEmpty() && extra.isEmpty();
			return new ScanResult(eventId, Status.ACCEPTED, exact ? null : "DISCREPANCY",
					exact ? null : "Missing: " + String.join(",", missing) + "; extra: " + String.join(",", extra), null,
					found.size(), null, null, BoxStatus.RECEIVED);
		}
	}

	static Receipt receive(ScanEvent event, Instant at, long labId, BoxState box, List<String> expected) {
		if (box == null) {
			throw new Rejected("BOX_UNKNOWN", "No such box.");
		}
		if (box.status() != BoxStatus.DISPATCHED) {
			throw new Rejected("BOX_NOT_DISPATCHED", "The box is " + box.status() + ", not on its way.");
		}
		if (box.labId() == null || box.labId() != labId) {
			throw new Misdelivered(box, labId);
		}
		requireNotBefore(at, box.packedAt(), "the box was packed");
		Set<String> found = new LinkedHashSet<>(event.tubeCodes() == null ? List.of() : event.tubeCodes());
		List<String> missing = new ArrayList<>(expected);
		missing.removeAll(found);
		List<String> extra = new ArrayList<>(found);
		extra.removeAll(expected);
		return new Receipt(box, labId, List.copyOf(found), missing, extra);
	}
}
