package org.frontline.quarantine;

import java.time.Instant;
import java.util.List;

/** People on their way to a facility: where from, when, and who with which category. */
public record NewArrivals(String source, Instant expectedAt, List<Person> people) {

	/** One person expected. */
	public record Person(String name, String phone, Long personId, String category) {
	}
}
