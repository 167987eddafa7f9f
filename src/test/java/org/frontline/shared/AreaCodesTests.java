package org.frontline.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AreaCodesTests {

	@Test
	void cityAndProvinceCodesDropTheirTrailingZeros() {
		assertThat(AreaCodes.prefix("320600")).isEqualTo("3206");
		assertThat(AreaCodes.prefix("320000")).isEqualTo("32");
		assertThat(AreaCodes.prefix("320602")).isEqualTo("320602");
		assertThat(AreaCodes.prefix("320602001002")).isEqualTo("320602001002");
	}

	@Test
	void containmentIsByPrefix() {
		assertThat(AreaCodes.contains("320600", "320602001002001")).isTrue();
		assertThat(AreaCodes.contains("320602001002", "320602001002001")).isTrue();
		assertThat(AreaCodes.contains("320602001002", "320602002001001")).isFalse();
	}

	@Test
	void upperBoundClosesTheRange() {
		assertThat(AreaCodes.upperBound("320602001")).isEqualTo("320602002");
		assertThat("320602001999999".compareTo(AreaCodes.upperBound("320602001"))).isNegative();
	}
}
