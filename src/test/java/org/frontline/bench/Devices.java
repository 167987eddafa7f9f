package org.frontline.bench;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

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
 * Simulated scanning devices on one asynchronous HTTP/1.1 client. Each device has one request in flight at a time,
 * on a kept-alive connection, and sends its next one when it is due (or, closed loop, when the answer comes), or the
 * same one again after {@code Retry-After} when it was refused. A thousand devices so cost two I/O threads instead of a thousand blocked
 * threads on the cores they share with Frontline and PostgreSQL.
 */
final class Devices implements AutoCloseable {

	/** What one device sends. */
	interface Device {

		/** The request body to send now; the same body until it is answered 200. */
		String body();

		/** The 200 answer to {@link #body()}; answers how many of its events were stored. */
		int answered(String answer);
	}

	/**
	 * Events stored in the measured window, latencies (ns, sorted; paced: from when each request was due), requests
	 * refused or failed, and service times (ns, sorted: from when each request left to its answer).
	 */
	record Outcome(long events, long[] latencies, long refused, String failure, long[] services, Second[] seconds) {
	}

	/** One second of the measured window, by when the answers came: requests answered, those over 100 ms, the slowest. */
	record Second(int answered, int slow, long maxNanos) {
	}

	/** What a request's latency must stay under (the p99). */
	static final long SLOW_NANOS = 100_000_000L;

	private final CloseableHttpAsyncClient http;

	/** How long a simulated device waits for a connection and for an answer (the surge's blocking client too). */
	static final RequestConfig REQUESTS = RequestConfig.custom()
		.setConnectionRequestTimeout(Timeout.ofSeconds(30))
		.setResponseTimeout(Timeout.ofSeconds(60))
		.build();

	private final Ticker ticker = new Ticker();

	private final String url;

	private final String token;

	Devices(int port, String path, String token) {
		this.url = "http://localhost:" + port + path;
		this.token = token;
		this.http = HttpAsyncClients.custom()
			.setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(2).setSoTimeout(Timeout.ofSeconds(60)).build())
			.setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
				.setMaxConnTotal(5_000)
				.setMaxConnPerRoute(5_000)
				.setDefaultConnectionConfig(ConnectionConfig.custom()
					.setConnectTimeout(Timeout.ofSeconds(30))
					.setSocketTimeout(Timeout.ofSeconds(60))
					.build())
				.build())
			.setDefaultRequestConfig(REQUESTS)
			.disableAutomaticRetries()
			.disableCookieManagement()
			.build();
		http.start();
	}

	/**
	 * Runs the devices until {@code end} (System.nanoTime); counts what is answered between {@code warmupEnd} and
	 * {@code end}. With {@code rate} &gt; 0 the devices together offer that many requests per second (climbing to it
	 * during the warm-up), each on its own schedule (open loop: a device sends when it is due, or at once when its
	 * last answer came late), and a request's latency counts from when it was due, so a slow or refused answer counts
	 * against the server in full. With {@code rate} 0 every device sends its next request as soon as the last is
	 * answered (closed loop).
	 */
	Outcome run(List<Device> devices, long warmupEnd, long end, double rate) throws InterruptedException {
		long start = System.nanoTime();
		Run run = new Run(start, warmupEnd, end, devices.size());
		long interval = rate > 0 ? (long) (devices.size() * 1e9 / rate) : 0;
		for (Device device : devices) {
			State state = new State(device, interval, run);
			if (interval > 0) {
				// Devices start at random phases, so the offered load is even from the first second.
				state.due = start + (long) (Math.random() * run.interval(state, start));
				run.later(state, state.due - System.nanoTime());
			}
			else {
				state.due = start;
				run.send(state);
			}
		}
		run.finished.await();
		long[] latencies = java.util.Arrays.copyOf(run.latencies, Math.min(run.count.get(), run.latencies.length));
		java.util.Arrays.sort(latencies);
		long[] services = java.util.Arrays.copyOf(run.services, latencies.length);
		java.util.Arrays.sort(services);
		Second[] seconds = new Second[(int) ((run.end - run.warmupEnd + 999_999_999L) / 1_000_000_000L)];
		for (int i = 0; i < seconds.length; i++) {
			seconds[i] = new Second(run.answersPerSecond.get(i), run.slowPerSecond.get(i), run.slowestPerSecond.get(i));
		}
		return new Outcome(run.events.get(), latencies, run.refused.get(), run.failure, services, seconds);
	}

	/** A device in a run: when its current request was due (latency counts from then) and when it will be sent. */
	private static final class State {

		final Device device;

		final long interval;

		long due;

		long sendAt;

		final Run run;

		State(Device device, long interval, Run run) {
			this.device = device;
			this.interval = interval;
			this.run = run;
		}
	}

	private final class Run {

		final long warmupEnd;

		final long end;

		final CountDownLatch finished;

		final AtomicLong events = new AtomicLong();

		final AtomicLong refused = new AtomicLong();

		final long[] latencies = new long[4_000_000];

		final AtomicInteger count = new AtomicInteger();

		/** From when each request left to its answer: the server's share of the latency. */
		final long[] services = new long[4_000_000];

		/** Per second of the measured window: answers, answers over {@link #SLOW_NANOS}, the slowest answer. */
		final AtomicIntegerArray answersPerSecond = new AtomicIntegerArray(3_600);

		final AtomicIntegerArray slowPerSecond = new AtomicIntegerArray(3_600);

		final AtomicLongArray slowestPerSecond = new AtomicLongArray(3_600);

		volatile String failure;

		final long start;

		Run(long start, long warmupEnd, long end, int devices) {
			this.start = start;
			this.warmupEnd = warmupEnd;
			this.end = end;
			this.finished = new CountDownLatch(devices);
		}

		void send(State state) {
			if (System.nanoTime() >= end || failure != null) {
				finished.countDown();
				return;
			}
			SimpleHttpRequest request;
			try {
				request = SimpleRequestBuilder.post(url)
					.setHeader("Authorization", "Bearer " + token)
					.setBody(state.device.body(), ContentType.APPLICATION_JSON)
					.build();
			}
			catch (RuntimeException ex) {
				failure = ex.getMessage();
				finished.countDown();
				return;
			}
			long sent = System.nanoTime();
			http.execute(request, new FutureCallback<SimpleHttpResponse>() {

				@Override
				public void completed(SimpleHttpResponse response) {
					long answered = System.nanoTime();
					if (response.getCode() != 200) {
						refused.incrementAndGet();
						Header retry = response.getFirstHeader("Retry-After");
						long delay = response.getCode() == 503 || response.getCode() == 429
								? (retry == null ? 1 : Long.parseLong(retry.getValue())) * 1000 : 200;
						// The same request again after the delay and a jitter of up to 200 ms, as a phone would.
						later(state, (delay + (long) (Math.random() * 200)) * 1_000_000);
						return;
					}
					int stored;
					try {
						stored = state.device.answered(response.getBodyText());
					}
					catch (RuntimeException ex) {
						failure = "A device could not read its answer: " + ex;
						finished.countDown();
						return;
					}
					long from = state.interval > 0 ? state.due : sent;
					if (from > warmupEnd && answered < end) {
						events.addAndGet(stored);
						int i = count.getAndIncrement();
						if (i < latencies.length) {
							latencies[i] = answered - from;
							services[i] = answered - sent;
						}
						int second = (int) Math.min(3_599, (answered - warmupEnd) / 1_000_000_000L);
						answersPerSecond.incrementAndGet(second);
						if (answered - from > SLOW_NANOS) {
							slowPerSecond.incrementAndGet(second);
						}
						slowestPerSecond.accumulateAndGet(second, answered - from, Math::max);
					}
					if (state.interval > 0) {
						state.due += interval(state, state.due);
						later(state, state.due - System.nanoTime());
					}
					else {
						send(state);
					}
				}

				@Override
				public void failed(Exception ex) {
					refused.incrementAndGet();
					later(state, 200_000_000);
				}

				@Override
				public void cancelled() {
					finished.countDown();
				}
			});
		}

		/**
		 * A paced device's time between requests due at {@code due}: during the warm-up the offered rate climbs from
		 * a fifth of the rate to the full rate, as scanning picks up on a testing morning (a cold server offered the
		 * full rate at once is overloaded while its JIT compiles, and an open loop never catches up on its backlog);
		 * from the measured window on, the full rate.
		 */
		long interval(State state, long due) {
			if (due >= warmupEnd || warmupEnd <= start) {
				return state.interval;
			}
			double share = 0.2 + 0.8 * (due - start) / (double) (warmupEnd - start);
			return (long) (state.interval / Math.max(0.2, share));
		}

		void later(State state, long delayNanos) {
			if (delayNanos <= 0) {
				send(state);
			}
			else {
				ticker.add(state, System.nanoTime() + delayNanos);
			}
		}
	}

	/**
	 * Sends what is due every millisecond from one thread: thousands of devices on their own schedules cost the
	 * load generator one wake-up per millisecond instead of one per request.
	 */
	private static final class Ticker implements Runnable {

		private final java.util.PriorityQueue<State> due = new java.util.PriorityQueue<>(
				java.util.Comparator.comparingLong((State state) -> state.sendAt));

		private final Thread thread = new Thread(this, "devices-ticker");

		private volatile boolean running = true;

		Ticker() {
			thread.setDaemon(true);
			thread.start();
		}

		synchronized void add(State state, long sendAt) {
			state.sendAt = sendAt;
			due.add(state);
		}

		@Override
		public void run() {
			List<State> now = new java.util.ArrayList<>();
			while (running) {
				java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
				long time = System.nanoTime();
				synchronized (this) {
					while (!due.isEmpty() && due.peek().sendAt <= time) {
						now.add(due.poll());
					}
				}
				now.forEach(state -> state.run.send(state));
				now.clear();
			}
		}

		void stop() {
			running = false;
		}
	}

	@Override
	public void close() throws Exception {
		ticker.stop();
		http.close();
	}
}
