package org.frontline.testing;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.testing.internal.ScanCommitter;
import org.springframework.http.HttpStatus;
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

	public List<ScanResult> submit(ScanBatch batch) {
		Viewer viewer = Viewers.requireAny(SCANNERS);
		if (batch == null || batch.events() == null || batch.events().isEmpty()) {
			throw Problem.invalid("events", "A batch has at least one event.");
		}
		if (batch.events().size() > MAX_EVENTS) {
			throw Problem.invalid("events", "A batch has at most " + MAX_EVENTS + " events.");
		}
		if (batch.events().stream().anyMatch(e -> e == null)) {
			throw Problem.invalid("events", "An event is null.");
		}
		String deviceId = batch.deviceId() == null ? null
				: batch.deviceId().substring(0, Math.min(100, batch.deviceId().length()));
		try {
			return committer.submit(viewer, deviceId, List.copyOf(batch.events())).get(30, TimeUnit.SECONDS);
		}
		catch (ScanCommitter.Busy busy) {
			throw Problem.busy("scans-busy", "Too many scans are waiting to be stored; nothing of this request was "
					+ "stored. Send the same events again after the Retry-After delay.", 1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable();
		}
		catch (ExecutionException | TimeoutException ex) {
			throw unavailable();
		}
	}

	private static Problem unavailable() {
		return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "scans-unavailable", "Scans not stored",
				"The scans could not be stored now; send them again (nothing is stored twice).", null);
	}
}
