package org.frontline.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.frontline.audit.AuditLog;
import org.frontline.people.Residents;
import org.frontline.people.SamplingCodes;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Validation;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.shared.Workplace;
import org.frontline.testing.ScanResult.Status;
import org.frontline.testing.internal.ResultFile;
import org.frontline.testing.internal.ResultRepository;
import org.frontline.testing.internal.ResultRepository.TubeState;
import org.frontline.testing.internal.ResultRules;
import org.frontline.testing.internal.ResultRules.Applied;
import org.frontline.testing.internal.ResultRules.Stored;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lab results. One rule set whichever way they come in (an API batch, an uploaded CSV/XLSX file, the per-tube form):
 * a lab posts only for tubes it received, the same result again is a duplicate, a different one is rejected, and a
 * change is a separate, audited correction with a reason. A tube's result is the result of everyone in it.
 */
@Service
public class Results {

	static final int MAX_ITEMS = 1_000;

	static final Role[] POSTERS = { Role.LAB, Role.ADMIN };

	private final ResultRules rules;

	private final ResultRepository repository;

	private final FollowUps followUps;

	private final Tubes tubes;

	private final Rounds rounds;

	private final Residents residents;

	private final SamplingCodes codes;

	private final AuditLog auditLog;

	private final Validation validation;

	private final Clock clock;

	Results(ResultRules rules, ResultRepository repository, FollowUps followUps, Tubes tubes, Rounds rounds,
			Residents residents, SamplingCodes codes, AuditLog auditLog, Validation validation, Clock clock) {
		this.rules = rules;
		this.repository = repository;
		this.followUps = followUps;
		this.tubes = tubes;
		this.rounds = rounds;
		this.residents = residents;
		this.codes = codes;
		this.auditLog = auditLog;
		this.validation = validation;
		this.clock = clock;
	}

	/** A batch from a lab: every item answered on its own; the lab is the caller's. */
	@Transactional
	public List<ResultAnswer> submit(ResultBatch batch) {
		long lab = lab(Viewers.requireAny(POSTERS));
		if (batch == null || batch.results() == null || batch.results().isEmpty()) {
			throw Problem.invalid("results", "testing.results.empty");
		}
		if (batch.results().size() > MAX_ITEMS) {
			throw Problem.invalid("results", "testing.results.too-many", MAX_ITEMS);
		}
		return apply(lab, batch.results(), "API").answers();
	}

	/** One tube's result from the form. */
	@Transactional
	public ResultAnswer record(ResultItem item) {
		long lab = lab(Viewers.requireAny(POSTERS));
		return apply(lab, java.util.Collections.singletonList(item), "FORM").answers().get(0);
	}

	/**
	 * Checks a whole file first: without errors it is imported; with errors nothing is written, and the file is kept
	 * so that its valid rows can be imported by {@link #importValidRows(long)}.
	 */
	@Transactional
	public FileCheck upload(String filename, byte[] content) {
		Viewer viewer = Viewers.requireAny(POSTERS);
		long lab = lab(viewer);
		String name = filename == null || filename.isBlank() ? "results" : filename.strip();
		name = name.substring(0, Math.min(100, name.length()));
		List<ResultFile.Row> rows = ResultFile.parse(name, content);
		FileCheck check = check(lab, name, rows, false);
		if (check.errors().isEmpty()) {
			return check(lab, name, rows, true);
		}
		long id = repository.storeUpload(lab, viewer.username(), name, content, clock.instant());
		return new FileCheck(check.filename(), check.rows(), check.accepted(), check.duplicates(), check.errors(),
				false, id);
	}

	/** Imports the valid rows of a file uploaded with errors, checked again now; a file is imported once. */
	@Transactional
	public FileCheck importValidRows(long uploadId) {
		Viewer viewer = Viewers.requireAny(POSTERS);
		long lab = lab(viewer);
		ResultRepository.Upload upload = repository.lockUpload(uploadId, lab)
			.orElseThrow(() -> Problem.notFound("testing.upload.not-found", uploadId));
		FileCheck check = check(lab, upload.filename(), ResultFile.parse(upload.filename(), upload.content()), true);
		repository.markImported(uploadId, clock.instant());
		return check;
	}

	private FileCheck check(long lab, String filename, List<ResultFile.Row> rows, boolean write) {
		List<FileCheck.RowError> errors = new ArrayList<>();
		List<ResultFile.Row> readable = new ArrayList<>();
		for (ResultFile.Row row : rows) {
			if (row.error() != null) {
				errors.add(new FileCheck.RowError(row.number(), row.item().tubeCode(), "INVALID_ITEM", row.error()));
			}
			else {
				readable.add(row);
			}
		}
		Applied applied = write ? apply(lab, readable.stream().map(ResultFile.Row::item).toList(), "FILE " + filename)
				: rules.apply(lab, operator(), readable.stream().map(ResultFile.Row::item).toList(), clock.instant(), false);
		for (ResultAnswer answer : applied.answers()) {
			if (answer.status() == Status.REJECTED) {
				errors.add(new FileCheck.RowError(readable.get(answer.index()).number(), answer.tubeCode(),
						answer.reason(), answer.message()));
			}
		}
		errors.sort(java.util.Comparator.comparingInt(FileCheck.RowError::row));
		return new FileCheck(filename, rows.size(), applied.count(Status.ACCEPTED), applied.count(Status.DUPLICATE),
				errors, write && applied.count(Status.ACCEPTED) > 0, null);
	}

	private Applied apply(long lab, List<ResultItem> items, String channel) {
		Applied applied = rules.apply(lab, operator(), items, clock.instant(), true);
		if (!applied.stored().isEmpty()) {
			followUps.resulted(applied.stored());
			auditLog.record("RESULT_POST", "lab", lab, "%s accepted=%d duplicate=%d rejected=%d".formatted(channel,
					applied.count(Status.ACCEPTED), applied.count(Status.DUPLICATE), applied.count(Status.REJECTED)));
		}
		return applied;
	}

	/** Changes a tube's result: only the lab that posted it, with a reason; the change and the old values are kept. */
	@Transactional
	public TubeReport correct(String tubeCode, ResultCorrection correction) {
		Viewer viewer = Viewers.requireAny(POSTERS);
		Problem.Errors errors = new Problem.Errors().addAll(validation.errors(correction));
		Outcome outcome = correction == null ? null : ResultRules.outcome(correction.outcome());
		if (correction != null && outcome == null) {
			errors.add("outcome", "testing.result.outcome");
		}
		errors.throwIfAny();
		TubeState before = repository.lockResult(tubeCode == null ? "" : tubeCode.strip())
			.orElseThrow(() -> Problem.notFound("testing.result.not-found", tubeCode));
		Long ownLab = viewer.place(Workplace.LAB);
		if (ownLab != null && ownLab != repository.labOf(before.id()) || ownLab == null && !viewer.has(Role.ADMIN)) {
			throw Problem.notFound("testing.result.not-found", tubeCode);
		}
		java.math.BigDecimal orf = correction.ctOrf1ab() == null ? null
				: correction.ctOrf1ab().setScale(1, java.math.RoundingMode.HALF_UP);
		java.math.BigDecimal n = correction.ctN() == null ? null
				: correction.ctN().setScale(1, java.math.RoundingMode.HALF_UP);
		repository.correct(before, outcome, orf, n, correction.reason().strip(), viewer.username(), clock.instant());
		auditLog.record("RESULT_CORRECT", "tube", before.code(),
				before.outcome() + " -> " + outcome + ": " + correction.reason().strip());
		if (before.outcome() != outcome) {
			followUps.corrected(new Stored(before.id(), before.code(), before.roundId(), before.poolSize(), outcome));
		}
		return report(tubes.tube(before.code()));
	}

	/** A tube with its members, its result and the follow-up of its members. */
	@Transactional(readOnly = true)
	public TubeReport tube(String code) {
		return report(tubes.tube(code));
	}

	private TubeReport report(Tube tube) {
		return new TubeReport(tube, repository.result(tube.id()).orElse(null), followUps.ofTube(tube.id()));
	}

	/** A person's sampling and result history, for a viewer whose scope covers the person. */
	@Transactional(readOnly = true)
	public List<PersonResult> ofPerson(long personId) {
		residents.summary(personId);
		return repository.ofPerson(personId);
	}

	/**
	 * The latest sampling with a result of each of these people, for another module's rule that needs a recent
	 * negative test (a worker at a sampling site): only when and what, so nothing is audited.
	 */
	@Transactional(readOnly = true)
	public Map<Long, LatestResult> latest(Collection<Long> personIds) {
		if (personIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, LatestResult> latest = new HashMap<>();
		repository.latest(personIds).forEach(result -> latest.put(result.personId(), result));
		return latest;
	}

	/** Turnaround (first sample to posted result) percentiles per lab in a round. */
	@Transactional(readOnly = true)
	public List<LabTurnaround> turnaround(long roundId) {
		Viewers.requireAny(Role.ADMIN, Role.COMMANDER, Role.LAB);
		rounds.get(roundId);
		return repository.turnaround(roundId);
	}

	/** A resident's own latest sampling and its result, matched by name, ID number and phone (rate limited). */
	@Transactional(noRollbackFor = Problem.class)
	public OwnResult ownResult(String client, String name, String idNumber, String phone) {
		return codes.forResident(client, name, idNumber, phone)
			.map(code -> new OwnResult(true, repository.ofPerson(code.personId()).stream().findFirst().orElse(null)))
			.orElse(new OwnResult(false, null));
	}

	/** What a resident is told of their own results: whether their details matched, and their latest result if any. */
	public record OwnResult(boolean matched, PersonResult latest) {
	}

	private static long lab(Viewer viewer) {
		Long lab = viewer.place(Workplace.LAB);
		if (lab == null) {
			throw Problem.forbidden("testing.results.lab-only");
		}
		return lab;
	}

	private static String operator() {
		return Viewers.require().username();
	}
}
