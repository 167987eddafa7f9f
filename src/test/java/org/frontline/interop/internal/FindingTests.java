package org.frontline.interop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.frontline.testing.Outcome;
import org.frontline.testing.ResultRecords.Sampling;
import org.junit.jupiter.api.Test;

class FindingTests {

	private static final Instant AT = Instant.parse("2022-04-07T02:00:00Z");

	@Test
	void aPooledTubesPositiveOrInvalidResultIsNoResultForItsPeople() {
		assertThat(Finding.of(10, Outcome.POSITIVE)).isEqualTo(Finding.POOL_POSITIVE);
		assertThat(Finding.of(20, Outcome.INVALID)).isEqualTo(Finding.POOL_INVALID);
		assertThat(Finding.POOL_POSITIVE.conclusive()).isFalse();
		assertThat(Finding.POOL_INVALID.conclusive()).isFalse();
		assertThat(codes(Finding.POOL_POSITIVE)).containsExactly("pool-positive").doesNotContain("260373001");
	}

	@Test
	void aNegativePoolIsAPresumedNegativeAndASingleTubesResultIsThePersons() {
		assertThat(Finding.of(10, Outcome.NEGATIVE)).isEqualTo(Finding.POOL_NEGATIVE);
		assertThat(codes(Finding.POOL_NEGATIVE)).containsExactly("pool-negative", "260415000");
		assertThat(Finding.of(1, Outcome.POSITIVE)).isEqualTo(Finding.POSITIVE);
		assertThat(codes(Finding.POSITIVE)).containsExactly("260373001");
		assertThat(Finding.of(1, null)).isEqualTo(Finding.PENDING);
	}

	@Test
	void theRetestAfterAPositivePoolDecidesTheRoundAndAnIndividualPositiveAlwaysStands() {
		Sampling pool = sampling(1, 10, Outcome.POSITIVE, 0);
		Sampling retest = sampling(2, 1, Outcome.NEGATIVE, 3600);
		Sampling pending = sampling(3, 1, null, 7200);
		assertThat(Finding.ofRound(List.of(pool))).isEqualTo(Finding.POOL_POSITIVE);
		assertThat(Finding.ofRound(List.of(retest, pool))).isEqualTo(Finding.NEGATIVE);
		assertThat(Finding.ofRound(List.of(pool, retest, pending))).isEqualTo(Finding.NEGATIVE);
		assertThat(Finding.ofRound(List.of(pending))).isEqualTo(Finding.PENDING);
		assertThat(Finding.ofRound(List.of(sampling(4, 1, Outcome.POSITIVE, 0), sampling(5, 1, Outcome.NEGATIVE, 60))))
			.isEqualTo(Finding.POSITIVE);
	}

	private static List<String> codes(Finding finding) {
		return Arrays.stream(finding.codings()).map(c -> c.getCode()).toList();
	}

	private static Sampling sampling(long id, int poolSize, Outcome outcome, long seconds) {
		Instant sampled = AT.plusSeconds(seconds);
		return new Sampling(id, 101, 3, "T-" + id, poolSize, sampled, poolSize == 1, outcome,
				outcome == null ? null : sampled.plusSeconds(1800), outcome == null ? null : sampled.plusSeconds(1900),
				sampled);
	}
}
