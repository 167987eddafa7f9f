package org.frontline.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.testing.internal.ResultRecordQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tubes with their members and results, and every person's samplings in a round, for interfaces that publish them
 * (FHIR): one tube, a page of a round, or a whole round streamed part by part in constant memory. Tubes are bounded as
 * in {@link Tubes} (a lab sees what was handed to it, site staff their site, area staff their area); samplings of
 * people by the person's area, for the roles that may read residents.
 */
@Service
public class ResultRecords {

	static final Role[] PERSON_READERS = { Role.ADMIN, Role.COMMANDER, Role.COMMUNITY_WORKER, Role.SITE_LEADER,
			Role.REGISTRAR, Role.FACILITY_STAFF };

	private final ResultRecordQueries queries;

	private final Tubes tubes;

	ResultRecords(ResultRecordQueries queries, Tubes tubes) {
		this.queries = queries;
		this.tubes = tubes;
	}

	/** A tube, its members in sampling order and its result (null fields while pending). */
	public record TubeRecord(long id, String code, long roundId, long siteId, String siteName, int poolSize,
			Instant openedAt, Instant sealedAt, Long labId, String labName, Outcome outcome, BigDecimal ctOrf1ab,
			BigDecimal ctN, Instant testedAt, Instant postedAt, boolean corrected, Instant lastUpdated,
			List<Member> members) {

		public Instant collectedAt() {
			return members.isEmpty() ? openedAt : members.get(0).sampledAt();
		}
	}

	/** A person sampled into a tube: the sample's id, the person, when, and whether it was a confirmed re-sample. */
	public record Member(long sampleId, long personId, Instant sampledAt, boolean resample) {
	}

	/** One sampling of a person and its tube's result; {@code outcome} is null while pending. */
	public record Sampling(long sampleId, long personId, long roundId, String tubeCode, int poolSize,
			Instant sampledAt, boolean resample, Outcome outcome, Instant testedAt, Instant postedAt,
			Instant lastUpdated) {
	}

	/** Which part of a round to read: ids in [low, high], changed at or after {@code since}, known by {@code until}. */
	public record Slice(long roundId, long low, long high, Instant since, Instant until) {
	}

	@Transactional(readOnly = true)
	public Optional<TubeRecord> tube(String code) {
		Viewer viewer = Viewers.require();
		tubes.tube(code);
		return queries.tube(code, viewer);
	}

	/** A page of a round's tubes in id order, changed at or after {@code since} when given. */
	@Transactional(readOnly = true)
	public List<TubeRecord> tubes(long roundId, Instant since, int offset, int count) {
		return queries.tubes(new Slice(roundId, 0, Long.MAX_VALUE, since, null), Viewers.require(), offset, count);
	}

	/** Every tube of a slice of a round, in id order, handed over one at a time. */
	@Transactional(readOnly = true)
	public void eachTube(Slice slice, Consumer<TubeRecord> sink) {
		queries.eachTube(slice, Viewers.require(), sink);
	}

	/** A person's samplings, newest first, for a viewer whose scope covers the person. */
	@Transactional(readOnly = true)
	public List<Sampling> ofPerson(long personId, Long roundId, Instant since) {
		Viewer viewer = Viewers.requireAny(PERSON_READERS);
		return queries.ofPerson(personId, roundId, since, viewer);
	}

	/** A page of a round's samplings in person order, changed at or after {@code since} when given. */
	@Transactional(readOnly = true)
	public List<Sampling> samplings(long roundId, Instant since, int offset, int count) {
		Viewer viewer = Viewers.requireAny(PERSON_READERS);
		return queries.samplings(new Slice(roundId, 0, Long.MAX_VALUE, since, null), viewer, offset, count);
	}

	/**
	 * Every sampling of a page of a round's people in person order: people in the viewer's area with a sampling
	 * changed at or after {@code since} when given.
	 */
	@Transactional(readOnly = true)
	public List<Sampling> samplingsOfPeople(long roundId, Instant since, int offset, int count) {
		Viewer viewer = Viewers.requireAny(PERSON_READERS);
		return queries.samplingsOfPeople(roundId, since, viewer, offset, count);
	}

	/** One sampling by its id, for a viewer whose scope covers the person. */
	@Transactional(readOnly = true)
	public Sampling sampling(long sampleId) {
		Viewer viewer = Viewers.requireAny(PERSON_READERS);
		return queries.sampling(sampleId, viewer).orElseThrow(() -> Problem.notFound("testing.sample.not-found", sampleId));
	}

	/** Every sampling of a slice of a round (person ids in [low, high]), in person order, one at a time. */
	@Transactional(readOnly = true)
	public void eachSampling(Slice slice, Consumer<Sampling> sink) {
		queries.eachSampling(slice, Viewers.requireAny(PERSON_READERS), sink);
	}

	/** The people of a slice of a round (person ids in [low, high]) with a sampling in it, in id order. */
	@Transactional(readOnly = true)
	public void eachPerson(Slice slice, LongConsumer sink) {
		queries.eachPerson(slice, Viewers.requireAny(PERSON_READERS), sink);
	}

	/** Ids that cut a round's tubes into parts of about {@code size}: each is the lowest id of its part. */
	@Transactional(readOnly = true)
	public List<Long> tubeBoundaries(long roundId, int size) {
		Viewers.requireAny(Role.ADMIN, Role.COMMANDER);
		return queries.tubeBoundaries(roundId, size);
	}

	/** Person ids that cut a round's sampled people into parts of about {@code size}. */
	@Transactional(readOnly = true)
	public List<Long> personBoundaries(long roundId, int size) {
		Viewers.requireAny(Role.ADMIN, Role.COMMANDER);
		return queries.personBoundaries(roundId, size);
	}
}
