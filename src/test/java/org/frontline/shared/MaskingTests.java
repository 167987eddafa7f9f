package org.frontline.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTests {

	@Test
	void idNumberKeepsAreaAndLastFour() {
		assertThat(Masking.idNumber("32060219900101123X")).isEqualTo("320602********123X");
	}

	@Test
	void phoneKeepsPrefixAndLastFour() {
		assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
	}

	@Test
	void nameKeepsFirstAndLastCharacter() {
		assertThat(Masking.name("王小明")).isEqualTo("王*明");
		assertThat(Masking.name("王明")).isEqualTo("王*");
		assertThat(Masking.name("欧阳小明")).isEqualTo("欧**明");
	}

	@Test
	void shortValuesAreFullyHidden() {
		assertThat(Masking.idNumber("1234")).isEqualTo("****");
		assertThat(Masking.phone("12345")).isEqualTo("*****");
	}
}
