package org.frontline.testing;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.testing.internal.ScanCommitter;
import org.springframework.stereotype.Service;

/**
 * The device protocol: a batch of scan events applied in order, each stored exactly once by its event id, each
 * answered on its own (one rejected event does not undo the others). Answers come only after the events are
 * committed; commits are shared between concurrent requests.
 */
@Service
public class Scans {

	static final int MAX_EVENTS = 1_000;

	static final Role[] SCANNERS = { Role.ADMIN, Role.SITE_LEADER, Role.REGISTRAR, Role.VOLUNTEER, Role.LAB };

	private final ScanCommitter committer;

	Scans(ScanCommitter committer) {
		this.committer = committer;
	}

	/**
	 * Checks and queues a batch for the signed-in viewer; call it on the request's thread. The answer completes once
	 * the events are committed, or exceptionally when they could not be (the committer stopped or failed). The
	 * caller keeps the deadline ({@code frontline.scans.answer-ms}, 30 s) and then answers {@link #unavailable()}: a
	 * timer per request cost the scan path CPU on every scan for an answer that is almost never due.
	 *
	 * @throws Problem when the caller may not scan, the batch is malformed, or too many scans are waiting already
	 */
	public CompletableFuture<List<ScanResult>> submit(ScanBatch batch) {
		Viewer viewer = Viewers.requireAny(SCANNERS);
		if (batch == null || batch.events() == null || batch.events().isEmpty()) {
			throw Problem.invalid("events", "testing.scans.events.empty");
		}
		if (batch.events().size() > MAX_EVENTS) {
			throw Problem.invalid("events", "testing.scans.events.too-many", MAX_EVENTS);
		}
		if (batch.events().stream().anyMatch(e -> e == null)) {
			throw Problem.invalid("events", "testing.scans.events.null");
		}
		String deviceId = batch.deviceId() == null ? null
				: batch.deviceId().substring(0, Math.min(100, batch.deviceId().length()));
		try {
			return committer.submit(viewer, deviceId, List.copyOf(batch.events()));
		}
		catch (ScanCommitter.Busy busy) {
			throw Problem.shed("scans-busy", "testing.scans.busy", 1 + ThreadLocalRandom.current().nextInt(3));
		}
	}

	/** Whether every committer already holds more than it can store in time: a new batch would be refused. */
	public boolean backlogged() {
		return committer.backlogged();
	}

	/** 503: the events could not be stored now; sending them again is safe (nothing is stored twice). */
	public static Problem unavailable() {
		return Problem.unavailable("scans-unavailable", null, "testing.scans.unavailable", 1);
	}
}
