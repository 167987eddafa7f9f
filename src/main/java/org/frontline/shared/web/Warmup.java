package org.frontline.shared.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.frontline.shared.Warming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Before the instance reports ready, sends itself the requests a surge is made of, so that the JIT has compiled their
 * code when the first surge comes. A calm round sends few large batches; a surge thousands of small requests a second,
 * most of them turned away: the container's request handling, the admission filter's refusal, the security filters,
 * a batch's parsing. Measured on one core (bench/README, #26), an instance meeting its first surge spent half the core
 * compiling them for ten seconds and stored 0.54-0.81 of its sustained rate; the same surge a second time stored 1.61.
 *
 * <p>
 * It writes nothing: while it runs every ingest request is turned away with Retry-After (devices that come early
 * resend, as after any refusal), the requests that pass the filter carry no valid credentials and are answered 401,
 * and each module's {@link Warming} runs its own path on made-up input. {@code frontline.warmup.requests} (0: off)
 * is how many requests of each kind it sends; a few seconds of both cores at start-up.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class Warmup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(Warmup.class);

	/** Concurrent senders: enough that the container's threads and the filter's permits are used concurrently. */
	private static final int SENDERS = 4;

	/** Requests a sender sends on one connection before it opens another (so accepting connections is warmed too). */
	private static final int PER_CONNECTION = 1000;

	private static final String SCANS = "/api/v1/scans";

	private final IngestAdmission admission;

	private final List<Warming> warmings;

	private final WebServerApplicationContext context;

	private final int requests;

	Warmup(IngestAdmission admission, List<Warming> warmings, WebServerApplicationContext context,
			@Value("${frontline.warmup.requests}") int requests) {
		this.admission = admission;
		this.warmings = warmings;
		this.context = context;
		this.requests = requests;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (requests > 0) {
			warm(requests);
		}
	}

	/** What the warm-up got back: per kind of request, how many got each status. */
	record Answers(Map<String, Map<Integer, Integer>> statuses, long millis) {
	}

	/** Warms up with this many requests of each kind; never fails the start: what cannot be sent is logged. */
	Answers warm(int times) {
		long started = System.nanoTime();
		Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
		String base = "http://127.0.0.1:" + context.getWebServer().getPort();
		admission.close();
		try {
			statuses.put("refused scans", send(times, () -> scan(base).build()));
		}
		finally {
			admission.open();
		}
		statuses.put("scans without a token", send(times, () -> scan(base).build()));
		statuses.put("scans with an unknown token",
				send(times, () -> scan(base).header("Authorization", "Bearer warmup-" + UUID.randomUUID()).build()));
		statuses.put("health", send(times / 10, () -> get(base + "/actuator/health")));
		statuses.put("sign-in page", send(times / 10, () -> get(base + "/login")));
		for (Warming warming : warmings) {
			warming.warm(times);
		}
		Answers answers = new Answers(statuses, (System.nanoTime() - started) / 1_000_000);
		log.info("Warmed up in {} ms (answers by status: {})", answers.millis(), statuses);
		return answers;
	}

	private static HttpRequest.Builder scan(String base) {
		// A device's small batch; the language alternates so that both refusal bodies are made.
		String event = "{\"eventId\":\"%s\",\"type\":\"SAMPLED\",\"at\":\"2022-01-01T08:00:00+08:00\",\"roundId\":1,"
				+ "\"siteId\":1,\"tubeCode\":\"T0000000001\",\"personCode\":\"P0000000001\"}";
		String body = "{\"deviceId\":\"warmup\",\"events\":[" + event.formatted(UUID.randomUUID()) + ","
				+ event.formatted(UUID.randomUUID()) + "]}";
		return HttpRequest.newBuilder(URI.create(base + SCANS))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.header("Accept-Language", (body.hashCode() & 1) == 0 ? "zh-CN" : "en")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private static HttpRequest get(String uri) {
		return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10)).GET().build();
	}

	/** Sends this many requests from {@link #SENDERS} threads; how many got each status (-1: could not be sent). */
	private static Map<Integer, Integer> send(int times, java.util.function.Supplier<HttpRequest> request) {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("warmup-");
		threads.setDaemon(true);
		ExecutorService senders = Executors.newFixedThreadPool(SENDERS, threads);
		try {
			List<Future<Map<Integer, Integer>>> sent = new ArrayList<>();
			for (int sender = 0; sender < SENDERS; sender++) {
				int share = times / SENDERS + (sender < times % SENDERS ? 1 : 0);
				sent.add(senders.submit(() -> sendOnConnections(share, request)));
			}
			Map<Integer, Integer> statuses = new TreeMap<>();
			for (Future<Map<Integer, Integer>> one : sent) {
				one.get().forEach((status, count) -> statuses.merge(status, count, Integer::sum));
			}
			return statuses;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Map.of();
		}
		catch (java.util.concurrent.ExecutionException ex) {
			log.warn("The warm-up could not send its requests: {}", ex.getCause().toString());
			return Map.of();
		}
		finally {
			senders.shutdownNow();
		}
	}

	private static Map<Integer, Integer> sendOnConnections(int times, java.util.function.Supplier<HttpRequest> request) {
		Map<Integer, Integer> statuses = new TreeMap<>();
		HttpClient client = null;
		for (int i = 0; i < times; i++) {
			if (i % PER_CONNECTION == 0) {
				client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			}
			int status;
			try {
				status = client.send(request.get(), HttpResponse.BodyHandlers.discarding()).statusCode();
			}
			catch (java.io.IOException ex) {
				status = -1;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			statuses.merge(status, 1, Integer::sum);
		}
		return statuses;
	}
}
