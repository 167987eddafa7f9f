package org.frontline.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.frontline.enterprise.CreditCode.InvalidCreditCodeException;
import org.junit.jupiter.api.Test;

class CreditCodeTests {

	/** The example in GB 32100-2015 (a 工商 registration in 福州市, 350100). */
	private static final String STANDARD_SAMPLE = "91350100M000100Y43";

	@Test
	void acceptsTheStandardsSample() {
		CreditCode code = CreditCode.parse(STANDARD_SAMPLE);
		assertThat(code.value()).isEqualTo(STANDARD_SAMPLE);
		assertThat(code.division()).isEqualTo("350100");
		assertThat(CreditCode.checkCharacter(STANDARD_SAMPLE.substring(0, 17))).isEqualTo('3');
	}

	@Test
	void acceptsLowerCaseAndSurroundingSpaceAsTheSameCode() {
		assertThat(CreditCode.parse("  91350100m000100y43 ").value()).isEqualTo(STANDARD_SAMPLE);
	}

	@Test
	void checkCharacterCanBeALetter() {
		assertThat(CreditCode.checkCharacter("91351000M000100Y4")).isEqualTo('A');
		assertThat(CreditCode.parse("91351000M000100Y4A").value()).isEqualTo("91351000M000100Y4A");
	}

	@Test
	void rejectsEverySingleCharacterChangeOfTheSample() {
		String candidates = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
		int rejected = 0;
		for (int position = 0; position < 18; position++) {
			for (char c : candidates.toCharArray()) {
				if (c == STANDARD_SAMPLE.charAt(position)) {
					continue;
				}
				String changed = STANDARD_SAMPLE.substring(0, position) + c + STANDARD_SAMPLE.substring(position + 1);
				assertThatThrownBy(() -> CreditCode.parse(changed)).as(changed)
					.isInstanceOf(InvalidCreditCodeException.class);
				rejected++;
			}
		}
		assertThat(rejected).isEqualTo(18 * 35);
	}

	@Test
	void saysWhyACodeIsWrong() {
		assertThat(reason(null)).isEqualTo("enterprise.credit-code.missing");
		assertThat(reason("9135010")).isEqualTo("enterprise.credit-code.length");
		assertThat(reason("91350100M000100Y4Z")).isEqualTo("enterprise.credit-code.character");
		assertThat(reason("91A50100M000100Y43")).isEqualTo("enterprise.credit-code.division");
		assertThat(reason("91350100M000100Y44")).isEqualTo("enterprise.credit-code.check");
	}

	@Test
	void rejectsSwappedNeighbours() {
		String swapped = "91351000M000100Y43";
		assertThat(reason(swapped)).isEqualTo("enterprise.credit-code.check");
	}

	private static String reason(String raw) {
		try {
			CreditCode.parse(raw);
			return null;
		}
		catch (InvalidCreditCodeException ex) {
			return ex.key();
		}
	}
}
