package org.frontline.people;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.frontline.audit.AuditLog;
import org.frontline.people.CodeRejectedException.Reason;
import org.frontline.people.internal.CodeSigner;
import org.frontline.people.internal.SamplingCodeRepository;
import org.frontline.people.internal.SamplingCodeRepository.Holder;
import org.frontline.security.AttemptLimit;
import org.frontline.security.Attempts;
import org.frontline.shared.Masking;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal sampling codes: a signed payload {@code FL1.<personId>.<version>.<mac>} that names a person without any
 * personal data, cannot be forged without the server secret (kept in the database, so every instance shares it),
 * and is revoked by a re-issue.
 */
@Service
public class SamplingCodes {

	static final Role[] ISSUERS = { Role.ADMIN, Role.COMMUNITY_WORKER };

	private final SamplingCodeRepository repository;

	private final AuditLog auditLog;

	private final Attempts attempts;

	private final Clock clock;

	private volatile CodeSigner signer;

	private final PlaceScope places;

	SamplingCodes(SamplingCodeRepository repository, AuditLog auditLog, Attempts attempts, Clock clock,
			PlaceScope places) {
		this.places = places;
		this.repository = repository;
		this.auditLog = auditLog;
		this.attempts = attempts;
		this.clock = clock;
	}

	/**
	 * The current code of a person in the viewer's scope, for those who issue codes (a code is the person's key to
	 * their results); the read is audited.
	 */
	@Transactional
	public SamplingCode codeOf(long personId) {
		Viewer viewer = Viewers.requireAny(ISSUERS);
		Holder holder = visible(viewer, personId);
		auditLog.record("PERSON_CODE_READ", "person", personId, "version " + holder.version());
		return current(holder);
	}

	/** Issues a new code to a person (a lost card); every older code stops working at once. */
	@Transactional
	public SamplingCode reissue(long personId) {
		Viewer viewer = Viewers.requireAny(ISSUERS);
		visible(viewer, personId);
		int version = repository.reissue(personId, clock.instant(), viewer.username());
		auditLog.record("PERSON_CODE_REISSUE", "person", personId, "version " + version);
		return new SamplingCode(personId, version, signer().sign(personId, version));
	}

	/** Current codes of people the caller has already been allowed to see (printing cards). */
	@Transactional(readOnly = true)
	public java.util.Map<Long, SamplingCode> currentCodes(java.util.Collection<Long> personIds) {
		java.util.Map<Long, SamplingCode> codes = new java.util.HashMap<>();
		for (Holder holder : repository.holders(personIds)) {
			codes.put(holder.personId(), current(holder));
		}
		return codes;
	}

	/** Masked names of people already known to the caller by id (the people in a tube). */
	@Transactional(readOnly = true)
	public java.util.Map<Long, String> maskedNames(java.util.Collection<Long> personIds) {
		java.util.Map<Long, String> names = new java.util.HashMap<>();
		for (Holder holder : repository.holders(personIds)) {
			names.put(holder.personId(), Masking.name(holder.name()));
		}
		return names;
	}

	/**
	 * The person a scanned code stands for. Needs no viewer: holding a valid code is what lets a sampling site
	 * sample a person from anywhere.
	 *
	 * @throws CodeRejectedException when the code is unreadable, forged, revoked or names nobody
	 */
	@Transactional(readOnly = true, noRollbackFor = CodeRejectedException.class)
	public SampledPerson resolve(String payload) {
		return resolveAll(java.util.List.of(payload == null ? "" : payload)).get(payload == null ? "" : payload).orThrow();
	}

	/**
	 * Resolves many scanned codes in one query (a device's batch): each payload maps to its person or to why it
	 * stands for nobody.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<String, ResolvedCode> resolveAll(java.util.Collection<String> payloads) {
		java.util.Map<String, ResolvedCode> resolved = new java.util.HashMap<>();
		java.util.Map<String, CodeSigner.Parsed> signed = new java.util.HashMap<>();
		for (String payload : payloads) {
			CodeSigner.Parsed parsed = CodeSigner.parse(payload);
			if (parsed == null) {
				resolved.put(payload, ResolvedCode.rejected(
						new CodeRejectedException(Reason.CODE_UNREADABLE, "This is not a personal sampling code.")));
			}
			else if (!signer().verify(parsed)) {
				resolved.put(payload, ResolvedCode.rejected(new CodeRejectedException(Reason.CODE_FORGED,
						"The code's signature is wrong: it was not issued here.")));
			}
			else {
				signed.put(payload, parsed);
			}
		}
		java.util.Map<Long, Holder> holders = new java.util.HashMap<>();
		repository.holders(signed.values().stream().map(CodeSigner.Parsed::personId).distinct().toList())
			.forEach(h -> holders.put(h.personId(), h));
		signed.forEach((payload, parsed) -> {
			Holder holder = holders.get(parsed.personId());
			if (holder == null) {
				resolved.put(payload, ResolvedCode.rejected(
						new CodeRejectedException(Reason.PERSON_UNKNOWN, "The code names no registered person.")));
			}
			else if (holder.version() != parsed.version()) {
				resolved.put(payload, ResolvedCode.rejected(new CodeRejectedException(Reason.CODE_REVOKED,
						"The code was revoked by a re-issue; ask for the person's new code.")));
			}
			else {
				resolved.put(payload, ResolvedCode.of(sampled(holder)));
			}
		});
		return resolved;
	}

	/** People found by ID number (no phone, no card), masked, in one query; numbers of nobody are left out. */
	@Transactional(readOnly = true)
	public java.util.Map<String, SampledPerson> byIdNumbers(java.util.Collection<String> idNumbers) {
		java.util.Map<String, SampledPerson> people = new java.util.HashMap<>();
		repository.holdersByIdNumber(idNumbers.stream().filter(n -> n != null && !n.isBlank())
			.map(n -> n.strip().toUpperCase())
			.distinct()
			.toList()).forEach((number, holder) -> people.put(number, sampled(holder)));
		return people;
	}

	/** A person found by ID number (no phone, no card), masked. */
	@Transactional(readOnly = true)
	public Optional<SampledPerson> byIdNumber(String idNumber) {
		if (idNumber == null || idNumber.isBlank()) {
			return Optional.empty();
		}
		return repository.holderByIdNumber(idNumber.strip().toUpperCase()).map(SamplingCodes::sampled);
	}

	/**
	 * A resident's own code, when name, ID number and phone all match one person; a mismatch reveals nothing. Each
	 * attempt is counted before it is checked, per client address and for everyone together, and a match gives its
	 * count back: wrong tries slow down the address they come from (and all look-ups only at a rate no district's
	 * residents make), never the look-up of the person whose ID number was tried.
	 */
	@Transactional(noRollbackFor = Problem.class)
	public Optional<SamplingCode> forResident(String client, String name, String idNumber, String phone) {
		Instant now = clock.instant();
		List<AttemptLimit> limits = lookupLimits(client, now);
		Optional<Duration> wait = attempts.reserve(now, limits);
		if (wait.isPresent()) {
			int seconds = (int) Math.max(1, (wait.get().toMillis() + 999) / 1000);
			throw Problem.tooManyRequests("too-many-lookups", "people.lookup.too-many", seconds, seconds);
		}
		String number = idNumber == null ? "" : idNumber.strip().toUpperCase();
		Optional<Long> match = name == null || phone == null ? Optional.empty()
				: repository.matching(name.strip(), number, phone.strip());
		if (match.isPresent()) {
			attempts.succeeded(limits);
		}
		return match.flatMap(repository::holder).map(this::current);
	}

	/**
	 * Per client address: 10 wrong tries free, then delays doubling from one second up to 15 minutes, forgotten after
	 * an hour; everyone together: 1,000 wrong tries a minute.
	 */
	static List<AttemptLimit> lookupLimits(String client, Instant now) {
		return List.of(
				new AttemptLimit("lookup:address:" + client, 10, Duration.ofSeconds(1), Duration.ofMinutes(15),
						Duration.ofHours(1), false),
				new AttemptLimit("lookup:minute:" + now.getEpochSecond() / 60, 1_000, Duration.ofMinutes(1),
						Duration.ofMinutes(1), Duration.ofMinutes(1), false));
	}

	private SamplingCode current(Holder holder) {
		return new SamplingCode(holder.personId(), holder.version(), signer().sign(holder.personId(), holder.version()));
	}

	private Holder visible(Viewer viewer, long personId) {
		return repository.holder(personId)
			.filter(h -> viewer.covers(h.area()) && places.sees(viewer, personId))
			.orElseThrow(() -> Problem.notFound("people.person.not-found", personId));
	}

	private static SampledPerson sampled(Holder holder) {
		return new SampledPerson(holder.personId(), Masking.name(holder.name()), holder.area());
	}

	private CodeSigner signer() {
		CodeSigner current = signer;
		if (current == null) {
			synchronized (this) {
				if (signer == null) {
					signer = new CodeSigner(repository.secret());
				}
				current = signer;
			}
		}
		return current;
	}
}
