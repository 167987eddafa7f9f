package org.frontline.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.frontline.testing.internal.Dorfman;
import org.junit.jupiter.api.Test;

/** Dorfman's two-stage figures against published values (Dorfman 1943; Kim et al. 2007, table 1). */
class DorfmanTests {

	@Test
	void atOnePercentAPoolOfTenNeedsAboutPoint196TestsPerPersonAndElevenIsOptimal() {
		assertThat(Dorfman.testsPerPerson(10, 0.01)).isCloseTo(0.1956, within(0.0001));
		assertThat(Dorfman.optimum(0.01, 50)).isEqualTo(11);
		assertThat(Dorfman.testsPerPerson(11, 0.01)).isCloseTo(0.1956, within(0.0001));
	}

	@Test
	void publishedOptimaAtOtherPrevalences() {
		// Dorfman's table: p = 0.1% -> k = 32 (0.063); p = 5% -> k = 5 (0.426); p = 10% -> k = 4 (0.594).
		assertThat(Dorfman.optimum(0.001, 100)).isEqualTo(32);
		assertThat(Dorfman.testsPerPerson(32, 0.001)).isCloseTo(0.0628, within(0.0005));
		assertThat(Dorfman.optimum(0.05, 50)).isEqualTo(5);
		assertThat(Dorfman.testsPerPerson(5, 0.05)).isCloseTo(0.4262, within(0.0005));
		assertThat(Dorfman.optimum(0.10, 50)).isEqualTo(4);
		assertThat(Dorfman.testsPerPerson(4, 0.10)).isCloseTo(0.5939, within(0.0005));
	}

	@Test
	void singleTestingCostsOneTestAndPoolingStopsPayingAboveAboutThirtyPercent() {
		assertThat(Dorfman.testsPerPerson(1, 0.2)).isEqualTo(1.0);
		assertThat(Dorfman.optimum(0.35, 50)).isEqualTo(1);
	}

	@Test
	void prevalenceIsRecoveredFromTheShareOfPositivePools() {
		double p = 0.01;
		double q = 1 - Math.pow(1 - p, 10);
		assertThat(Dorfman.prevalenceFromPools(100_000, Math.round(q * 100_000), 10)).isCloseTo(0.01, within(0.0001));
		assertThat(Dorfman.prevalenceFromPools(0, 0, 10)).isZero();
	}
}
