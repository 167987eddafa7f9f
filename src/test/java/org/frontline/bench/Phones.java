package org.frontline.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * Scanning phones in open loop, as the scanning page behaves: every phone scans on its own schedule (the offered rate
 * of its phase, exponential gaps), keeps each scan in its outbox until the server acknowledges it, has one request in
 * flight at a time carrying everything in its outbox (up to {@link #BATCH} events, or fewer if told), sends again at once while its
 * outbox is not empty, and after a refusal (429/503) waits the Retry-After delay plus a jitter of up to a second.
 * A failed request (connection lost, timed out) is sent again after one to three seconds. Each phone keeps its own
 * connection (opened with its first scan). Every phone keeps a log of the event ids the server acknowledged.
 */
final class Phones implements AutoCloseable {

	/** At most as many events in one request as the scanning page sends. */
	static final int BATCH = 500;

	private final int batch;

	/** What a phone scans next: the JSON of one event, made when it is sent. */
	interface Scanner {

		/** A new scan of this phone, due at {@code atMillis} (epoch ms); {@code id} is its event id. */
		String event(int phone, long sequence, String id, long atMillis);
	}

	/** Offered events per second (all phones together) until {@code untilNanos}. */
	record Phase(double rate, long untilNanos) {
	}

	/** One second's counters, by when things happened (from the run's start). */
	static final class Seconds {

		final AtomicLongArray offered;

		final AtomicLongArray accepted;

		final AtomicLongArray acceptedRequests;

		final AtomicLongArray refused;

		final AtomicLongArray failed;

		Seconds(int seconds) {
			offered = new AtomicLongArray(seconds);
			accepted = new AtomicLongArray(seconds);
			acceptedRequests = new AtomicLongArray(seconds);
			refused = new AtomicLongArray(seconds);
			failed = new AtomicLongArray(seconds);
		}
	}

	/**
	 * Pairs of longs appended by many threads and read once they stopped, in chunks allocated as they fill: a surge mode
	 * records millions, and arrays for the most a mode could record (about 0.5 GB a mode) cost the generator's collector
	 * up to seconds at each mode's start, when every phone was paused with it.
	 */
	static final class Pairs {

		private static final int CHUNK = 1 << 16;

		private final AtomicReferenceArray<long[]> chunks;

		private final AtomicLong count = new AtomicLong();

		Pairs(int capacity) {
			chunks = new AtomicReferenceArray<>((capacity + CHUNK - 1) / CHUNK);
		}

		void add(long first, long second) {
			long i = count.getAndIncrement();
			int c = (int) (i / CHUNK);
			if (c >= chunks.length()) {
				return;
			}
			long[] chunk = chunks.get(c);
			if (chunk == null) {
				chunks.compareAndSet(c, null, new long[2 * CHUNK]);
				chunk = chunks.get(c);
			}
			int at = (int) (i % CHUNK) * 2;
			chunk[at] = first;
			chunk[at + 1] = second;
		}

		int size() {
			return (int) Math.min(count.get(), (long) chunks.length() * CHUNK);
		}

		long first(int i) {
			return chunks.get(i / CHUNK)[(i % CHUNK) * 2];
		}

		long second(int i) {
			return chunks.get(i / CHUNK)[(i % CHUNK) * 2 + 1];
		}
	}

	/** Latencies in ns with the second they were measured in. */
	static final class Latencies {

		private final Pairs measured;

		Latencies(int capacity) {
			measured = new Pairs(capacity);
		}

		void add(int second, long nanos) {
			measured.add(second, nanos);
		}

		/** The latencies measured in [from, to) seconds, sorted. */
		long[] between(int from, int to) {
			int n = measured.size();
			long[] found = new long[n];
			int k = 0;
			for (int i = 0; i < n; i++) {
				long second = measured.first(i);
				if (second >= from && second < to) {
					found[k++] = measured.second(i);
				}
			}
			long[] sorted = Arrays.copyOf(found, k);
			Arrays.sort(sorted);
			return sorted;
		}
	}

	private final CloseableHttpAsyncClient http;

	private final int port;

	private final String token;

	private final Scanner scanner;

	private final Phone[] phones;

	final long start = System.nanoTime();

	/** The wall clock at {@link #start}, to place the server's access log lines in the run's seconds. */
	final long startEpochMillis = System.currentTimeMillis();

	/**
	 * The header carrying when a request was handed to the HTTP client (epoch µs), which the server's access log
	 * records next to when its request thread began reading the request.
	 */
	static final String SENT_HEADER = "X-Bench-Sent";

	final Seconds seconds;

	/** Service time (from sending to the answer) of requests answered 200, and of those refused (429/503). */
	final Latencies acceptedLatency = new Latencies(4_000_000);

	final Latencies refusalLatency = new Latencies(8_000_000);

	/** From when a scan was due to when it was acknowledged: what the outbox added. */
	final Latencies scanDelay = new Latencies(8_000_000);

	/** Event ids the server acknowledged (most and least significant halves). */
	private final Pairs acknowledged = new Pairs(20_000_000);

	final AtomicLong retryAfterSeconds = new AtomicLong();

	private volatile boolean running = true;

	/** This load generator's collector pauses while the phones run: [start, end] in epoch µs, in order. */
	private final List<long[]> generatorPauses = java.util.Collections.synchronizedList(new ArrayList<>());

	private final List<Runnable> unlisten = new ArrayList<>();

	private final PriorityQueue<Phone> due = new PriorityQueue<>((a, b) -> Long.compare(a.nextDue, b.nextDue));

	private final PriorityQueue<Phone> waiting = new PriorityQueue<>((a, b) -> Long.compare(a.sendAt, b.sendAt));

	private final Thread ticker;

	private volatile List<Phase> phases = List.of();

	Phones(int port, String token, int count, int batch, int maxSeconds, Scanner scanner) {
		this.batch = batch;
		this.port = port;
		this.token = token;
		this.scanner = scanner;
		this.seconds = new Seconds(maxSeconds);
		this.http = HttpAsyncClients.custom()
			.setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(2).setSoTimeout(Timeout.ofSeconds(60)).build())
			.setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
				.setMaxConnTotal(count + 100)
				.setMaxConnPerRoute(1)
				.setDefaultConnectionConfig(ConnectionConfig.custom()
					.setConnectTimeout(Timeout.ofSeconds(10))
					.setSocketTimeout(Timeout.ofSeconds(60))
					.build())
				.build())
			.setDefaultRequestConfig(RequestConfig.custom()
				.setConnectionRequestTimeout(Timeout.ofSeconds(30))
				.setResponseTimeout(Timeout.ofSeconds(60))
				.build())
			.disableAutomaticRetries()
			.disableCookieManagement()
			.build();
		http.start();
		listenToCollector();
		phones = new Phone[count];
		for (int i = 0; i < count; i++) {
			phones[i] = new Phone(i);
		}
		ticker = new Thread(this::tick, "phones-ticker");
		ticker.setDaemon(true);
	}

	/** Records this JVM's collector pauses (their start and length as the collector reports them). */
	private void listenToCollector() {
		long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
		for (var bean : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
			if (bean instanceof javax.management.NotificationEmitter emitter) {
				javax.management.NotificationListener listener = (notification, handback) -> {
					if (com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
						.equals(notification.getType())) {
						var info = com.sun.management.GarbageCollectionNotificationInfo
							.from((javax.management.openmbean.CompositeData) notification.getUserData())
							.getGcInfo();
						long from = (jvmStart + info.getStartTime()) * 1000;
						generatorPauses.add(new long[] { from, from + Math.max(1, info.getDuration()) * 1000 });
					}
				};
				emitter.addNotificationListener(listener, null, null);
				unlisten.add(() -> {
					try {
						emitter.removeNotificationListener(listener);
					}
					catch (javax.management.ListenerNotFoundException gone) {
						// already removed
					}
				});
			}
		}
	}

	/** This load generator's collector pauses so far, [start, end] in epoch µs, in order of their end. */
	List<long[]> generatorPauses() {
		synchronized (generatorPauses) {
			List<long[]> pauses = new ArrayList<>(generatorPauses);
			pauses.sort((a, b) -> Long.compare(a[1], b[1]));
			return pauses;
		}
	}

	/** Runs the phases (scans offered) and then lets the phones empty their outboxes until {@code drainUntil}. */
	void run(List<Phase> phases, long drainUntil) throws InterruptedException {
		this.phases = phases;
		long now = System.nanoTime();
		synchronized (due) {
			for (Phone phone : phones) {
				phone.nextDue = now + gap(now);
				due.add(phone);
			}
		}
		ticker.start();
		long offeredUntil = phases.get(phases.size() - 1).untilNanos();
		LockSupport.parkNanos(offeredUntil - System.nanoTime());
		while (System.nanoTime() < drainUntil && unacknowledged() > 0) {
			Thread.sleep(200);
		}
		running = false;
		ticker.join();
	}

	/** Scans made and not yet acknowledged, on all phones. */
	long unacknowledged() {
		long n = 0;
		for (Phone phone : phones) {
			synchronized (phone) {
				n += phone.outbox.size();
			}
		}
		return n;
	}

	/** The acknowledged event ids, as UUID halves. */
	long[][] acknowledgedIds() {
		int n = acknowledged.size();
		long[][] ids = new long[2][n];
		for (int i = 0; i < n; i++) {
			ids[0][i] = acknowledged.first(i);
			ids[1][i] = acknowledged.second(i);
		}
		return ids;
	}

	int second(long nanos) {
		return (int) Math.max(0, Math.min(seconds.offered.length() - 1, (nanos - start) / 1_000_000_000L));
	}

	private double rate(long now) {
		for (Phase phase : phases) {
			if (now < phase.untilNanos()) {
				return phase.rate();
			}
		}
		return 0;
	}

	/** The gap before a phone's next scan: exponential, so that all phones together offer the phase's rate. */
	private long gap(long now) {
		double rate = rate(now);
		if (rate <= 0) {
			return Long.MAX_VALUE / 4;
		}
		double mean = phones.length / rate;
		return (long) (-Math.log(1 - ThreadLocalRandom.current().nextDouble()) * mean * 1e9);
	}

	private void tick() {
		List<Phone> ready = new ArrayList<>();
		while (running) {
			LockSupport.parkNanos(1_000_000);
			long now = System.nanoTime();
			long offeredUntil = phases.get(phases.size() - 1).untilNanos();
			synchronized (due) {
				while (now < offeredUntil && !due.isEmpty() && due.peek().nextDue <= now) {
					Phone phone = due.poll();
					phone.scan(phone.nextDue);
					phone.nextDue += Math.max(1, gap(phone.nextDue));
					due.add(phone);
					ready.add(phone);
				}
			}
			synchronized (waiting) {
				while (!waiting.isEmpty() && waiting.peek().sendAt <= now) {
					ready.add(waiting.poll());
				}
			}
			for (Phone phone : ready) {
				phone.sendIfIdle(now);
			}
			ready.clear();
		}
	}

	/** One phone: its outbox, the request in flight and when it may send again. */
	private final class Phone {

		final int number;

		/**
		 * The phone's own address of the server: a loopback address of its own (127.0.x.y), so that the client's pool,
		 * one connection per address, keeps one connection per phone, as a phone does through a shift. A pool shared
		 * by all phones holds only the connections the calm needed and opens the rest when a surge begins.
		 */
		final String url;

		final ArrayDeque<long[]> outbox = new ArrayDeque<>();

		final ArrayDeque<String> bodies = new ArrayDeque<>();

		long sequence;

		long nextDue;

		/** Not before this (System.nanoTime) after a refusal or a failure; 0 when not waiting. */
		long sendAt;

		boolean inFlight;

		/** How many events of the outbox the request in flight carries, and its body. */
		int sending;

		String body;

		Phone(int number) {
			this.number = number;
			this.url = "http://127.0." + (1 + number / 250) + "." + (1 + number % 250) + ":" + port + "/api/v1/scans";
		}

		/** A scan due at {@code dueNanos}: its id and JSON go into the outbox. */
		synchronized void scan(long dueNanos) {
			long at = System.currentTimeMillis() - (System.nanoTime() - dueNanos) / 1_000_000;
			ThreadLocalRandom random = ThreadLocalRandom.current();
			long msb = (at << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
			long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
			String id = new java.util.UUID(msb, lsb).toString();
			outbox.add(new long[] { msb, lsb, dueNanos });
			bodies.add(scanner.event(number, sequence++, id, at));
			seconds.offered.incrementAndGet(second(dueNanos));
		}

		synchronized void sendIfIdle(long now) {
			if (inFlight || outbox.isEmpty() || (sendAt != 0 && now < sendAt)) {
				return;
			}
			sendAt = 0;
			if (body == null) {
				sending = Math.min(batch, outbox.size());
				StringBuilder json = new StringBuilder(sending * 220 + 64);
				json.append("{\"deviceId\":\"phone-").append(number).append("\",\"events\":[");
				int i = 0;
				for (String event : bodies) {
					if (i == sending) {
						break;
					}
					json.append(i++ == 0 ? "" : ",").append(event);
				}
				body = json.append("]}").toString();
			}
			inFlight = true;
			send(body, System.nanoTime());
		}

		private void send(String json, long sent) {
			SimpleHttpRequest request = SimpleRequestBuilder.post(url)
				.setHeader("Authorization", "Bearer " + token)
				.setHeader(SENT_HEADER, Long.toString(startEpochMillis * 1000 + (sent - start) / 1000))
				.setBody(json, ContentType.APPLICATION_JSON)
				.build();
			http.execute(request, new FutureCallback<SimpleHttpResponse>() {

				@Override
				public void completed(SimpleHttpResponse response) {
					answered(response, sent);
				}

				@Override
				public void failed(Exception ex) {
					failedToSend(sent);
				}

				@Override
				public void cancelled() {
					failedToSend(sent);
				}
			});
		}

		private void answered(SimpleHttpResponse response, long sent) {
			long now = System.nanoTime();
			int second = second(now);
			int code = response.getCode();
			if (code == 200) {
				acceptedLatency.add(second, now - sent);
				seconds.acceptedRequests.incrementAndGet(second);
				acknowledge(response.getBodyText(), now, second);
				return;
			}
			long delayMillis;
			if (code == 429 || code == 503) {
				refusalLatency.add(second, now - sent);
				seconds.refused.incrementAndGet(second);
				Header retry = response.getFirstHeader("Retry-After");
				long retryAfter = retry == null ? 1 : Long.parseLong(retry.getValue().trim());
				retryAfterSeconds.addAndGet(retryAfter);
				delayMillis = retryAfter * 1000 + ThreadLocalRandom.current().nextLong(1000);
			}
			else {
				seconds.failed.incrementAndGet(second);
				delayMillis = 1000 + ThreadLocalRandom.current().nextLong(2000);
			}
			retryLater(now, delayMillis);
		}

		private void failedToSend(long sent) {
			long now = System.nanoTime();
			seconds.failed.incrementAndGet(second(now));
			retryLater(now, 1000 + ThreadLocalRandom.current().nextLong(2000));
		}

		private void retryLater(long now, long delayMillis) {
			synchronized (this) {
				inFlight = false;
				sendAt = now + delayMillis * 1_000_000;
			}
			synchronized (waiting) {
				waiting.add(this);
			}
		}

		/** The answer's statuses in order (a scan of the text: the generator's CPU is the server's too). */
		private void acknowledge(String answer, long now, int second) {
			boolean more;
			synchronized (this) {
				int from = 0;
				for (int i = 0; i < sending; i++) {
					long[] scan = outbox.poll();
					bodies.poll();
					int status = answer.indexOf("\"status\":\"", from);
					if (status < 0) {
						throw new IllegalStateException("An answer has fewer results than events: " + answer);
					}
					from = status + 10;
					char first = answer.charAt(from);
					if (first != 'R') {
						seconds.accepted.incrementAndGet(second);
					}
					acknowledged.add(scan[0], scan[1]);
					scanDelay.add(second, now - scan[2]);
				}
				body = null;
				sending = 0;
				inFlight = false;
				more = !outbox.isEmpty();
			}
			if (more && running) {
				sendIfIdle(System.nanoTime());
			}
		}
	}

	@Override
	public void close() throws Exception {
		running = false;
		unlisten.forEach(Runnable::run);
		http.close();
	}
}
