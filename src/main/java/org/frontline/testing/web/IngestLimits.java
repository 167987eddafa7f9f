package org.frontline.testing.web;

import java.time.Duration;

import org.frontline.shared.IngestLimit;
import org.frontline.shared.IngestLimit.InFlight;
import org.frontline.testing.Scans;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How many requests testing's bulk endpoints take at once per instance. Scans wait for a shared commit without
 * holding a thread, so many can be in flight (their committers' queue bounds how long they wait), but only about as
 * many bytes of them are read and parsed at once as the committers' queue takes (half a megabyte is some 2,300
 * events); a result upload holds a database connection while it is stored.
 *
 * <p>
 * Scan requests in flight follow the rate they are answered at: as many as were answered in the last 50 ms, at least
 * 150, at most {@code max-concurrent}. Devices that send one scan a request are answered thousands of times a second
 * and get the hundreds in flight that shared commits need, as long as they are answered within about 50 ms (not near
 * the instance's capacity for them); under a surge, refused phones send their outboxes in fewer, larger requests, the
 * limit falls to its least, and the queue in front of a refusal stays short. Figures and costs: bench/README.md and
 * bench/figures.md, U.
 */
@Configuration(proxyBeanMethods = false)
class IngestLimits {

	@Bean
	IngestLimit scansIngest(Scans scans, @Value("${frontline.ingest.scans.max-concurrent:2000}") int maxConcurrent,
			@Value("${frontline.ingest.scans.max-reading-bytes:524288}") long maxReadingBytes,
			@Value("${frontline.ingest.scans.in-flight-ms:50}") long inFlightMillis,
			@Value("${frontline.ingest.scans.min-in-flight:150}") int minInFlight) {
		return new IngestLimit(ScanEndpoint.PATH, maxConcurrent, maxReadingBytes, scans::backlogged,
				inFlightMillis > 0 ? new InFlight(Duration.ofMillis(inFlightMillis), minInFlight) : null);
	}

	@Bean
	IngestLimit resultsIngest(@Value("${frontline.ingest.results.max-concurrent:16}") int maxConcurrent) {
		return IngestLimit.concurrent("/api/v1/results", maxConcurrent);
	}
}
