package org.frontline.quarantine;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.frontline.quarantine.internal.QuarantineCountQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts of quarantine's work for dashboards and reports (the command centre): per facility, rooms now and stays in a
 * window. Counts only, no person, so they need no viewer (the caller bounds the area).
 */
@Service
public class QuarantineCounts {

	private final QuarantineCountQueries queries;

	QuarantineCounts(QuarantineCountQueries queries) {
		this.queries = queries;
	}

	/**
	 * Every facility inside the code range [low, high): people admitted and released in [from, to), and people
	 * staying at {@code to}.
	 */
	@Transactional(readOnly = true)
	public List<FacilityDay> days(String low, String high, Instant from, Instant to) {
		return queries.days(low, high, from, to);
	}

	/** The facilities inside the code range [low, high), by id, with their area codes. */
	@Transactional(readOnly = true)
	public Map<Long, String> facilityAreas(String low, String high) {
		return queries.facilityAreas(low, high);
	}

	/** Which of these people are staying in a facility now. */
	@Transactional(readOnly = true)
	public Set<Long> staying(Collection<Long> personIds) {
		return queries.staying(personIds);
	}

	/** A facility's stays in a window and at its end. */
	public record FacilityDay(long facilityId, String name, String area, long admitted, long released,
			long staying) {
	}
}
