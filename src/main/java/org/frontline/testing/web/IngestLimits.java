package org.frontline.testing.web;

import org.frontline.shared.IngestLimit;
import org.frontline.testing.Scans;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How many requests testing's bulk endpoints take at once per instance. Scans wait for a shared commit without
 * holding a thread, so many can be in flight (their committers' queue bounds how long they wait), but only about as
 * many bytes of them are read and parsed at once as the committers' queue takes (half a megabyte is some 2,300
 * events); a result upload holds a database connection while it is stored.
 */
@Configuration(proxyBeanMethods = false)
class IngestLimits {

	@Bean
	IngestLimit scansIngest(Scans scans, @Value("${frontline.ingest.scans.max-concurrent:2000}") int maxConcurrent,
			@Value("${frontline.ingest.scans.max-reading-bytes:524288}") long maxReadingBytes) {
		return new IngestLimit(ScanEndpoint.PATH, maxConcurrent, maxReadingBytes, scans::backlogged);
	}

	@Bean
	IngestLimit resultsIngest(@Value("${frontline.ingest.results.max-concurrent:16}") int maxConcurrent) {
		return IngestLimit.concurrent("/api/v1/results", maxConcurrent);
	}
}
