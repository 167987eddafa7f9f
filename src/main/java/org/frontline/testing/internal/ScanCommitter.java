package org.frontline.testing.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.frontline.people.ResolvedCode;
import org.frontline.shared.DatabaseUnavailable;
import org.frontline.shared.Viewer;
import org.frontline.testing.ScanEvent;
import org.frontline.testing.ScanResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for scans: request threads queue their batches; a committer thread drains what is queued into one
 * transaction, commits once, and only then completes each request, so nothing is acknowledged before it is durable
 * and one commit serves many requests. A device always goes to the same committer ({@code frontline.scans.committers}),
 * so its events stay in order; committers, like instances on one database, are kept apart by row locks and unique
 * constraints.
 *
 * <p>
 * A committer waits a few milliseconds ({@code frontline.scans.gather-ms}) for more requests to join a group: a larger
 * group costs the database less per event. A group of only TUBE_OPENED and SAMPLED events goes through
 * {@link BulkSampling}, any other event by event ({@link ScanRules}). When the shared transaction fails, each request is
 * applied again in a transaction of its own with a savepoint per event, so that one failing event never takes another
 * with it. A request is refused at once ({@link Busy}) when its committer's queue could not be committed within
 * {@code frontline.scans.max-queue-ms} at its recent rate.
 */
@Component
public class ScanCommitter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ScanCommitter.class);

	static final int MAX_GROUP_EVENTS = 5_000;

	/** A group with this many events is committed without waiting for more (an offline sync brings them at once). */
	static final int GATHER_EVENTS = 100;

	/** A group that takes longer than this to apply and commit is logged. */
	private static final long SLOW_GROUP_NANOS = 250_000_000;

	private final ScanRules rules;

	private final BulkSampling bulkSampling;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final List<Lane> lanes = new ArrayList<>();

	private final double maxQueueSeconds;

	private final long gatherNanos;

	private volatile boolean running;

	ScanCommitter(ScanRules rules, BulkSampling bulkSampling, PlatformTransactionManager transactionManager,
			Clock clock, @Value("${frontline.scans.committers:1}") int committers,
			@Value("${frontline.scans.max-queue-ms:200}") long maxQueueMillis,
			@Value("${frontline.scans.gather-ms:3}") double gatherMillis) {
		this.rules = rules;
		this.bulkSampling = bulkSampling;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.maxQueueSeconds = maxQueueMillis / 1000.0;
		this.gatherNanos = (long) (gatherMillis * 1_000_000);
		for (int i = 0; i < Math.max(1, committers); i++) {
			lanes.add(new Lane(i));
		}
	}

	/** A request waiting for its events to be committed. */
	record Pending(Viewer viewer, String deviceId, List<ScanEvent> events, Instant[] times,
			CompletableFuture<List<ScanResult>> done) {

		/** The time of the i-th event, parsed by the request thread; null when absent or not an ISO-8601 instant. */
		Instant at(int i) {
			return times[i];
		}
	}

	/** Parses the events' times on the request thread, so the committer thread does not. */
	private static Instant[] times(List<ScanEvent> events) {
		Instant[] times = new Instant[events.size()];
		for (int i = 0; i < times.length; i++) {
			String at = events.get(i).at();
			if (at != null && !at.isBlank()) {
				try {
					times[i] = Instant.parse(at);
				}
				catch (java.time.format.DateTimeParseException ex) {
					times[i] = null;
				}
			}
		}
		return times;
	}

	/** The committers are too far behind to take more now; nothing was queued. */
	public static final class Busy extends RuntimeException {

		Busy() {
			super("The scan queue is full.", null, false, false);
		}
	}

	/**
	 * Queues a batch; the future completes once its events are committed (or failed).
	 *
	 * @throws Busy when the batch would wait longer than allowed behind what is queued
	 */
	public CompletableFuture<List<ScanResult>> submit(Viewer viewer, String deviceId, List<ScanEvent> events) {
		CompletableFuture<List<ScanResult>> done = new CompletableFuture<>();
		if (!running) {
			done.completeExceptionally(new IllegalStateException("The scan committer is not running."));
			return done;
		}
		String key = deviceId != null ? deviceId : viewer.username();
		Lane lane = lanes.get(Math.floorMod(key.hashCode(), lanes.size()));
		int queued = lane.queuedEvents.addAndGet(events.size());
		if (queued > events.size() && lane.behind(queued)) {
			lane.queuedEvents.addAndGet(-events.size());
			throw new Busy();
		}
		lane.queue.add(new Pending(viewer, deviceId, events, times(events), done));
		return done;
	}

	/** One committer thread and its queue. */
	private final class Lane {

		final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

		/** Events queued and not yet taken into a group. */
		final AtomicInteger queuedEvents = new AtomicInteger();

		/**
		 * Events per second this lane committed lately: a moving average over groups, slow enough that one group
		 * held up by a disk flush does not make the lane refuse requests.
		 */
		volatile double eventsPerSecond = 2_000;

		final int number;

		volatile Thread thread;

		Lane(int number) {
			this.number = number;
		}

		/** Whether this many queued events would take longer than allowed to commit at the lane's recent rate. */
		boolean behind(int queued) {
			return queued / eventsPerSecond > maxQueueSeconds;
		}

		void start() {
			thread = new Thread(this::loop, "scan-committer-" + number);
			thread.setDaemon(true);
			thread.start();
		}

		private void loop() {
			while (running || !queue.isEmpty()) {
				List<Pending> group = new ArrayList<>();
				try {
					Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
					if (first == null) {
						continue;
					}
					group.add(first);
					int events = first.events().size();
					long gatherUntil = System.nanoTime() + gatherNanos;
					Pending next;
					while (events < MAX_GROUP_EVENTS && ((next = queue.poll()) != null || events < GATHER_EVENTS
							&& (next = queue.poll(gatherUntil - System.nanoTime(), TimeUnit.NANOSECONDS)) != null)) {
						group.add(next);
						events += next.events().size();
					}
					queuedEvents.addAndGet(-events);
					long started = System.nanoTime();
					commit(group);
					double seconds = Math.max(1e-4, (System.nanoTime() - started) / 1e9);
					eventsPerSecond = Math.max(200, 0.9 * eventsPerSecond + 0.1 * (events / seconds));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					group.forEach(p -> p.done().completeExceptionally(ex));
					return;
				}
				catch (RuntimeException | Error ex) {
					log.error("The scan committer failed a group of {} requests", group.size(), ex);
					group.forEach(p -> p.done().completeExceptionally(ex));
				}
			}
		}
	}

	private void commit(List<Pending> group) {
		List<List<ScanResult>> answers;
		long started = System.nanoTime();
		long[] applied = new long[1];
		try {
			answers = transactions.execute(status -> {
				List<List<ScanResult>> results = applyTogether(group);
				applied[0] = System.nanoTime();
				return results;
			});
		}
		catch (RuntimeException ex) {
			if (DatabaseUnavailable.causedBy(ex)) {
				// One by one, each request would wait for a connection in turn while the database fails over.
				log.info("A scan group of {} requests found the database unavailable ({}); they are answered 'send "
						+ "again'", group.size(), ex.getMessage());
				group.forEach(p -> p.done().completeExceptionally(ex));
				return;
			}
			log.info("A shared scan transaction of {} requests failed ({}); applying them one by one", group.size(),
					ex.getMessage());
			for (Pending pending : group) {
				try {
					pending.done().complete(alone(pending));
				}
				catch (RuntimeException again) {
					pending.done().completeExceptionally(again);
				}
			}
			return;
		}
		long committed = System.nanoTime();
		if (committed - started > SLOW_GROUP_NANOS) {
			log.warn("A scan group of {} requests took {} ms: {} ms to apply, {} ms to commit (a slow disk or a busy "
					+ "machine holds every scan of the group)", group.size(), (committed - started) / 1_000_000,
					(applied[0] - started) / 1_000_000, (committed - applied[0]) / 1_000_000);
		}
		for (int i = 0; i < group.size(); i++) {
			group.get(i).done().complete(answers.get(i));
		}
	}

	/** Applies a group's events in the current transaction: set-based for the hot path, event by event otherwise. */
	private List<List<ScanResult>> applyTogether(List<Pending> group) {
		Instant now = clock.instant();
		Map<String, ResolvedCode> people = rules.resolve(group.stream().flatMap(p -> p.events().stream()).toList());
		List<List<ScanResult>> bulk;
		try {
			bulk = bulkSampling.apply(group, people, now);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException("A bulk scan statement failed", ex);
		}
		if (bulk != null) {
			return bulk;
		}
		List<List<ScanResult>> all = new ArrayList<>(group.size());
		for (Pending pending : group) {
			List<ScanResult> results = new ArrayList<>(pending.events().size());
			for (ScanEvent event : pending.events()) {
				results.add(rules.apply(pending.viewer(), pending.deviceId(), event, now, people));
			}
			all.add(results);
		}
		return all;
	}

	private List<ScanResult> alone(Pending pending) {
		return transactions.execute(status -> {
			Instant now = clock.instant();
			Map<String, ResolvedCode> people = rules.resolve(pending.events());
			List<ScanResult> results = new ArrayList<>(pending.events().size());
			for (ScanEvent event : pending.events()) {
				results.add(withSavepoint(status, pending, event, now, people));
			}
			return results;
		});
	}

	private ScanResult withSavepoint(TransactionStatus status, Pending pending, ScanEvent event, Instant now,
			Map<String, ResolvedCode> people) {
		RuntimeException failure = null;
		for (int attempt = 0; attempt < 2; attempt++) {
			Object savepoint = status.createSavepoint();
			try {
				ScanResult result = rules.apply(pending.viewer(), pending.deviceId(), event, now, people);
				status.releaseSavepoint(savepoint);
				return result;
			}
			catch (RuntimeException ex) {
				status.rollbackToSavepoint(savepoint);
				failure = ex;
			}
		}
		log.warn("Scan event {} failed twice", event.eventId(), failure);
		return ScanResult.rejected(event.eventId(), "TRY_AGAIN", "The event could not be stored now; send it again.");
	}

	/** Every lane already holds more than it can commit in time. */
	public boolean backlogged() {
		return lanes.stream().allMatch(lane -> lane.behind(lane.queuedEvents.get()));
	}

	@Override
	public void start() {
		running = true;
		lanes.forEach(Lane::start);
	}

	@Override
	public void stop() {
		running = false;
		for (Lane lane : lanes) {
			Thread thread = lane.thread;
			if (thread != null) {
				try {
					thread.join(10_000);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
