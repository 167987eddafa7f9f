package org.frontline.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.frontline.people.Address;
import org.frontline.people.IdType;
import org.frontline.people.PersonForm;
import org.frontline.people.ResidentIdNumber;
import org.frontline.people.Tag;

/**
 * Generates plausible residents, the same ones for the same seed: ID numbers with valid check digits, mobile numbers,
 * addresses in the demo compounds and key-population tags in rough real-world proportions. No real person's data.
 */
final class ResidentGenerator {

	static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

	static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华玉兰萍红梅鑫宇浩然子涵欣怡梓轩雨桐思远晨曦佳怡志强海燕春梅文博俊杰嘉怡一鸣天佑";

	private static final String[] PHONE_PREFIXES = { "130", "131", "132", "133", "135", "136", "137", "138", "139",
			"150", "151", "152", "153", "155", "156", "157", "158", "159", "177", "180", "182", "183", "185", "186",
			"187", "188", "189", "199" };

	static final LocalDate REFERENCE_DAY = LocalDate.of(2022, 4, 7);

	private final Random random;

	private final List<String> compounds;

	private final Set<String> issued = new HashSet<>();

	ResidentGenerator(long seed, List<String> compounds) {
		this.random = new Random(seed);
		this.compounds = compounds;
	}

	List<PersonForm> next(int count) {
		List<PersonForm> people = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			people.add(next());
		}
		return people;
	}

	PersonForm next() {
		int age = age();
		LocalDate birth = REFERENCE_DAY.minusYears(age).minusDays(random.nextInt(365));
		boolean male = random.nextBoolean();
		String idNumber = idNumber(birth, male);
		String compound = compounds.get(random.nextInt(compounds.size()));
		EnumSet<Tag> tags = tags(age, male);
		String phone = (age >= 75 && tags.contains(Tag.NO_SMARTPHONE) && random.nextInt(3) == 0) ? null : phone();
		Address address = new Address(String.valueOf(1 + random.nextInt(30)), String.valueOf(1 + random.nextInt(4)),
				String.valueOf((1 + random.nextInt(18)) * 100 + 1 + random.nextInt(4)));
		return new PersonForm(name(), IdType.RESIDENT_ID, idNumber, phone, compound, address, List.copyOf(tags));
	}

	private int age() {
		int bucket = random.nextInt(100);
		if (bucket < 15) {
			return random.nextInt(18);
		}
		if (bucket < 78) {
			return 18 + random.nextInt(42);
		}
		if (bucket < 93) {
			return 60 + random.nextInt(15);
		}
		return 75 + random.nextInt(23);
	}

	private String idNumber(LocalDate birth, boolean male) {
		while (true) {
			int sequence = random.nextInt(500) * 2 + (male ? 1 : 0);
			String first17 = "320602" + "%04d%02d%02d".formatted(birth.getYear(), birth.getMonthValue(),
					birth.getDayOfMonth()) + "%03d".formatted(sequence);
			String number = first17 + ResidentIdNumber.checkCharacter(first17);
			if (issued.add(number)) {
				return number;
			}
		}
	}

	private String phone() {
		return PHONE_PREFIXES[random.nextInt(PHONE_PREFIXES.length)] + "%08d".formatted(random.nextInt(100_000_000));
	}

	private String name() {
		StringBuilder name = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
		int given = random.nextInt(10) < 7 ? 2 : 1;
		for (int i = 0; i < given; i++) {
			name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
		}
		return name.toString();
	}

	private EnumSet<Tag> tags(int age, boolean male) {
		EnumSet<Tag> tags = EnumSet.noneOf(Tag.class);
		if (age >= 60) {
			chance(tags, Tag.HYPERTENSION, 30);
			chance(tags, Tag.DIABETES, 12);
			chance(tags, Tag.HEART_DISEASE, 9);
			chance(tags, Tag.ELDERLY_LIVING_ALONE, age >= 70 ? 10 : 4);
			chance(tags, Tag.NO_SMARTPHONE, age >= 75 ? 35 : age >= 70 ? 15 : 4);
			if (age >= 75) {
				chance(tags, Tag.BEDRIDDEN, 3);
			}
		}
		else if (age >= 35) {
			chance(tags, Tag.HYPERTENSION, 8);
			chance(tags, Tag.DIABETES, 3);
		}
		if (!male && age >= 22 && age <= 40) {
			chance(tags, Tag.PREGNANT, 2);
		}
		chance(tags, Tag.DISABILITY, 1);
		return tags;
	}

	private void chance(Set<Tag> tags, Tag tag, int percent) {
		if (random.nextInt(100) < percent) {
			tags.add(tag);
		}
	}
}
