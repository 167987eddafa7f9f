package org.frontline.support;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.frontline.people.ResidentIdNumber;

/** Unique, valid identifiers for data a test makes (never clashing with the demo district's, which start 320602). */
public final class TestData {

	private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 500_000));

	/** The compounds of the demo district the tests rely on. */
	public static final String CHENYUAN_COMPOUND = "320602001002001";

	public static final String ZHONGXINCUN_COMPOUND = "320602002001001";

	public static final String BILINWAN_COMPOUND = "320602001001001";

	private TestData() {
	}

	/** A valid resident ID number with a unique birth date and sequence. */
	public static String residentId() {
		int n = SEQUENCE.incrementAndGet();
		LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(n % 25_000);
		int sequence = (n / 25_000) % 1000;
		String first17 = "110105" + "%04d%02d%02d".formatted(birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
				+ "%03d".formatted(sequence);
		return first17 + ResidentIdNumber.checkCharacter(first17);
	}

	public static String phone() {
		return "139" + "%08d".formatted(SEQUENCE.incrementAndGet() % 100_000_000);
	}
}
