package org.frontline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.Test;

/**
 * What ANALYZE keeps of the hottest tables: the scan log, read only by its primary key, is analyzed for its row count
 * alone (100 pages sampled instead of 30,000); the tubes are analyzed after as many changes as they have rows, since
 * each changes about eleven times.
 */
class TableStatisticsIntegrationTests extends IntegrationTest {

	@Test
	void theScanLogIsAnalyzedForItsRowCountOnlyAndTheTubesForTheirColumns() {
		ResultsFixture fixture = new ResultsFixture(api(), 10);
		List<Long> people = fixture.people(TestData.BILINWAN_COMPOUND, 3);
		fixture.tube(people, 10, false);
		jdbc.sql("ANALYZE testing_scan_event, testing_tube").update();

		assertThat(jdbc.sql("SELECT count(*) FROM pg_stats WHERE tablename = 'testing_scan_event'")
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM pg_stats WHERE tablename = 'testing_tube'")
			.query(Long.class).single()).isPositive();
		assertThat(jdbc.sql("SELECT reltuples FROM pg_class WHERE relname = 'testing_scan_event'")
			.query(Double.class).single()).isGreaterThanOrEqualTo(5);
		assertThat(jdbc.sql("SELECT reloptions::text FROM pg_class WHERE relname = 'testing_tube'")
			.query(String.class).single()).contains("autovacuum_analyze_scale_factor=1.0");
	}
}
