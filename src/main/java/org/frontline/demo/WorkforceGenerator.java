package org.frontline.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.frontline.people.ResidentIdNumber;
import org.frontline.workforce.Skill;

/**
 * Generates plausible workers, the same ones for the same seed: names, ID numbers with valid check digits (of working
 * age), mobile numbers and skills. No real person's data.
 */
final class WorkforceGenerator {

	final Random random;

	private final Set<String> issued = new HashSet<>();

	WorkforceGenerator(long seed) {
		this.random = new Random(seed);
	}

	String name() {
		StringBuilder name = new StringBuilder()
			.append(ResidentGenerator.SURNAMES.charAt(random.nextInt(ResidentGenerator.SURNAMES.length())));
		int given = random.nextInt(10) < 7 ? 2 : 1;
		for (int i = 0; i < given; i++) {
			name.append(ResidentGenerator.GIVEN.charAt(random.nextInt(ResidentGenerator.GIVEN.length())));
		}
		return name.toString();
	}

	/** A new ID number of a person born in the area {@code county} between 1965 and 2000. */
	String idNumber(String county) {
		while (true) {
			LocalDate birth = LocalDate.of(1965, 1, 1).plusDays(random.nextInt(35 * 365));
			String first17 = county + "%04d%02d%02d".formatted(birth.getYear(), birth.getMonthValue(),
					birth.getDayOfMonth()) + "%03d".formatted(random.nextInt(1000));
			String number = first17 + ResidentIdNumber.checkCharacter(first17);
			if (issued.add(number)) {
				return number;
			}
		}
	}

	/** Marks a number as taken (a resident's), so no generated worker gets it. */
	void reserve(String idNumber) {
		issued.add(idNumber);
	}

	String phone() {
		return "13" + (5 + random.nextInt(5)) + "%08d".formatted(random.nextInt(100_000_000));
	}

	List<Skill> cadreSkills() {
		List<Skill> skills = new ArrayList<>();
		skills.add(random.nextBoolean() ? Skill.REGISTRATION : Skill.ORDER);
		if (random.nextInt(4) == 0) {
			skills.add(Skill.DRIVING);
		}
		if (random.nextInt(10) == 0) {
			skills.add(Skill.PSYCHOLOGICAL);
		}
		return skills;
	}

	List<Skill> volunteerSkills() {
		return random.nextBoolean() ? List.of(Skill.REGISTRATION, Skill.ORDER) : List.of(Skill.ORDER);
	}
}
