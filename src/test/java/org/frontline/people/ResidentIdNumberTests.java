package org.frontline.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResidentIdNumberTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

	@Test
	void acceptsTheStandardsOwnSampleNumber() {
		// GB 11643-1999, appendix: 11010519491231002X, a woman born 31 December 1949 in Chaoyang, Beijing.
		ResidentIdNumber id = ResidentIdNumber.parse("11010519491231002X", TODAY);
		assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
		assertThat(id.sex()).isEqualTo(Sex.F);
		assertThat(ResidentIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
	}

	@Test
	void acceptsALowerCaseX() {
		assertThat(ResidentIdNumber.parse("11010519491231002x", TODAY).value()).isEqualTo("11010519491231002X");
	}

	@Test
	void derivesMaleFromAnOddSequence() {
		assertThat(ResidentIdNumber.parse("440524188001010014", TODAY).sex()).isEqualTo(Sex.M);
	}

	@Test
	void rejectsAWrongCheckDigit() {
		assertThatThrownBy(() -> ResidentIdNumber.parse("110105194912310021", TODAY))
			.hasMessage("people.id-number.check-digit");
	}

	@Test
	void rejectsAnImpossibleBirthDate() {
		String first17 = "32060219900230123";
		assertThatThrownBy(() -> ResidentIdNumber.parse(first17 + ResidentIdNumber.checkCharacter(first17), TODAY))
			.hasMessage("people.id-number.birth-date");
	}

	@Test
	void aBirthDateAfterTheGivenDayIsRejectedAndAcceptedFromThatDayOn() {
		String first17 = "32060220261208001";
		String number = first17 + ResidentIdNumber.checkCharacter(first17);
		assertThatThrownBy(() -> ResidentIdNumber.parse(number, TODAY)).hasMessage("people.id-number.birth-date");
		assertThat(ResidentIdNumber.parse(number, TODAY.plusDays(1)).birthDate()).isEqualTo(LocalDate.of(2026, 12, 8));
	}

	@Test
	void theAgeCountsWholeYearsOnTheGivenDay() {
		ResidentIdNumber id = ResidentIdNumber.parse("11010519491231002X", TODAY);
		assertThat(id.ageOn(LocalDate.of(2009, 12, 30))).isEqualTo(59);
		assertThat(id.ageOn(LocalDate.of(2009, 12, 31))).isEqualTo(60);
	}

	@Test
	void rejectsWrongLengthAndLetters() {
		assertThatThrownBy(() -> ResidentIdNumber.parse("3206021990010112", TODAY)).hasMessage("people.id-number.format");
		assertThatThrownBy(() -> ResidentIdNumber.parse("32060219900101123A", TODAY)).hasMessage("people.id-number.format");
	}

	static Stream<Arguments> birthDaysAndSequences() {
		Random random = new Random(11643);
		return IntStream.range(0, 500).mapToObj(i -> Arguments.of(random.nextInt(30_000), random.nextInt(1000)));
	}

	@ParameterizedTest
	@MethodSource("birthDaysAndSequences")
	void everyNumberWithItsComputedCheckCharacterIsValid(int day, int sequence) {
		LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(day);
		String first17 = "320602" + birth.toString().replace("-", "") + "%03d".formatted(sequence);
		ResidentIdNumber id = ResidentIdNumber.parse(first17 + ResidentIdNumber.checkCharacter(first17), TODAY);
		assertThat(id.birthDate()).isEqualTo(birth);
		assertThat(id.sex()).isEqualTo(sequence % 2 == 1 ? Sex.M : Sex.F);
	}

	static Stream<Arguments> everySingleDigitChange() {
		return IntStream.range(0, 17).boxed().flatMap(p -> IntStream.range(1, 10).mapToObj(d -> Arguments.of(p, d)));
	}

	@ParameterizedTest
	@MethodSource("everySingleDigitChange")
	void changingAnyOneDigitBreaksTheCheck(int position, int delta) {
		String valid = "11010519491231002X";
		char changed = (char) ('0' + (valid.charAt(position) - '0' + delta) % 10);
		String altered = valid.substring(0, position) + changed + valid.substring(position + 1);
		assertThatThrownBy(() -> ResidentIdNumber.parse(altered, TODAY)).isInstanceOf(IllegalArgumentException.class);
	}
}
