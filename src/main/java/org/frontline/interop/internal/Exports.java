package org.frontline.interop.internal;

import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.frontline.audit.AuditLog;
import org.frontline.interop.internal.ExportRepository.Export;
import org.frontline.people.Person;
import org.frontline.people.Residents;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.testing.ResultRecords;
import org.frontline.testing.ResultRecords.Sampling;
import org.frontline.testing.ResultRecords.Slice;
import org.frontline.testing.ResultRecords.TubeRecord;
import org.frontline.testing.Rounds;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * FHIR Bulk Data export of a round's results. The kick-off fixes the export's moment (its transaction time) and cuts
 * the round into parts; each part's NDJSON file is produced from the database as it is downloaded, one row at a time,
 * so memory stays flat however large the round, any instance serves any file, and a broken download is resumed by
 * fetching that part again. Results posted after the transaction time are left out.
 */
@Service
public class Exports {

	static final int TUBES_PER_PART = 20_000;

	static final int PEOPLE_PER_PART = 200_000;

	private static final int RECORDS_CHUNK = 1_000;

	/** The files of an export, each a resource type drawn from the round's tubes or its sampled people. */
	public enum File {

		PATIENT("Patient", "patient", false), SPECIMEN("Specimen", "specimen", true), GROUP("Group", "group", true),
		TUBE_OBSERVATION("Observation", "observation-tube", true),
		PERSON_OBSERVATION("Observation", "observation-person", false),
		DIAGNOSTIC_REPORT("DiagnosticReport", "diagnostic-report", false);

		private final String type;

		private final String slug;

		private final boolean byTube;

		File(String type, String slug, boolean byTube) {
			this.type = type;
			this.slug = slug;
			this.byTube = byTube;
		}

		public String type() {
			return type;
		}

		static Optional<File> of(String slug) {
			return Arrays.stream(values()).filter(f -> f.slug.equals(slug)).findFirst();
		}
	}

	/** The resource types an export may ask for. */
	public static final Set<String> TYPES = Set.of("Patient", "Specimen", "Group", "Observation", "DiagnosticReport");

	/** A file of the manifest: its resource type and its name under the export. */
	public record Output(String type, String name) {
	}

	private final ExportRepository repository;

	private final ResultRecords records;

	private final Residents residents;

	private final Rounds rounds;

	private final AuditLog auditLog;

	private final Clock clock;

	Exports(ExportRepository repository, ResultRecords records, Residents residents, Rounds rounds, AuditLog auditLog,
			Clock clock) {
		this.repository = repository;
		this.records = records;
		this.residents = residents;
		this.rounds = rounds;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** Starts an export of a round (every type when {@code types} is empty); answers its id. */
	@Transactional
	public UUID kickOff(long roundId, List<String> types, Instant since, String request) {
		Viewer viewer = Viewers.requireAny(Role.ADMIN, Role.COMMANDER);
		rounds.get(roundId);
		Set<String> wanted = new LinkedHashSet<>();
		for (String type : types) {
			if (!TYPES.contains(type)) {
				throw Problem.invalid("_type", "interop.export.type", String.join(", ", TYPES.stream().sorted().toList()),
						type);
			}
			wanted.add(type);
		}
		if (wanted.isEmpty()) {
			wanted.addAll(List.of("Patient", "Specimen", "Group", "Observation", "DiagnosticReport"));
		}
		Instant now = clock.instant();
		if (since != null && since.isAfter(now)) {
			throw Problem.invalid("_since", "interop.export.since-future");
		}
		UUID id = UUID.randomUUID();
		repository.insert(new Export(id, viewer.userId(), roundId, List.copyOf(wanted), since, now, request,
				records.tubeBoundaries(roundId, TUBES_PER_PART), records.personBoundaries(roundId, PEOPLE_PER_PART),
				false), viewer.username());
		auditLog.record("FHIR_EXPORT", "round", roundId, "export " + id + " of " + String.join(",", wanted));
		return id;
	}

	/** An export of the caller's, with the files it is made of. */
	@Transactional(readOnly = true)
	public Export export(UUID id) {
		Viewer viewer = Viewers.requireAny(Role.ADMIN, Role.COMMANDER);
		return repository.find(id, viewer.userId())
			.filter(export -> !export.cancelled())
			.orElseThrow(() -> Problem.notFound("interop.export.not-found", id.toString()));
	}

	public static List<Output> outputs(Export export) {
		List<Output> outputs = new ArrayList<>();
		for (File file : File.values()) {
			if (!export.types().contains(file.type())) {
				continue;
			}
			int parts = (file.byTube ? export.tubeBounds() : export.personBounds()).size();
			for (int part = 0; part < parts; part++) {
				outputs.add(new Output(file.type(), file.slug + "-" + part + ".ndjson"));
			}
		}
		return outputs;
	}

	@Transactional
	public void cancel(UUID id) {
		Viewer viewer = Viewers.requireAny(Role.ADMIN, Role.COMMANDER);
		if (!repository.cancel(id, viewer.userId())) {
			throw Problem.notFound("interop.export.not-found", id.toString());
		}
	}

	/**
	 * Writes one file of an export as NDJSON: one resource per line. Not one transaction: each read streams in its
	 * own, and each chunk of full records is audited (and committed) before it is written out.
	 */
	public void write(UUID id, String name, Writer out) {
		Export export = export(id);
		Output output = outputs(export).stream()
			.filter(o -> o.name().equals(name))
			.findFirst()
			.orElseThrow(() -> Problem.notFound("interop.export.file.not-found", name, id.toString()));
		String slug = name.substring(0, name.lastIndexOf('-'));
		int part = Integer.parseInt(name.substring(slug.length() + 1, name.length() - ".ndjson".length()));
		File file = File.of(slug).orElseThrow();
		List<Long> bounds = file.byTube ? export.tubeBounds() : export.personBounds();
		long low = bounds.get(part);
		long high = part + 1 < bounds.size() ? bounds.get(part + 1) - 1 : Long.MAX_VALUE;
		Slice slice = new Slice(export.roundId(), low, high, export.since(), export.transactionTime());
		Instant asOf = export.transactionTime();
		NdjsonLines lines = new NdjsonLines(out);
		Consumer<Resource> line = lines::write;
		switch (file) {
			case SPECIMEN -> records.eachTube(slice, tube -> line.accept(Resources.specimen(asOf(tube, asOf))));
			case GROUP -> records.eachTube(slice, tube -> line.accept(Resources.group(tube)));
			case TUBE_OBSERVATION -> records.eachTube(slice, tube -> {
				TubeRecord known = asOf(tube, asOf);
				if (known.outcome() != null) {
					line.accept(Resources.tubeObservation(known));
				}
			});
			case PERSON_OBSERVATION -> records.eachSampling(slice, sampling -> {
				Sampling known = asOf(sampling, asOf);
				if (known.outcome() != null) {
					line.accept(Resources.personObservation(known));
				}
			});
			case DIAGNOSTIC_REPORT -> {
				List<Sampling> person = new ArrayList<>();
				records.eachSampling(slice, sampling -> {
					if (!person.isEmpty() && person.get(0).personId() != sampling.personId()) {
						line.accept(Resources.report(export.roundId(), person.get(0).personId(), person));
						person.clear();
					}
					person.add(asOf(sampling, asOf));
				});
				if (!person.isEmpty()) {
					line.accept(Resources.report(export.roundId(), person.get(0).personId(), person));
				}
			}
			case PATIENT -> {
				// The part's people first (at most PEOPLE_PER_PART ids), then their records a chunk at a time.
				List<Long> ids = new ArrayList<>();
				records.eachPerson(slice, ids::add);
				for (int from = 0; from < ids.size(); from += RECORDS_CHUNK) {
					for (Person person : residents.records(ids.subList(from, Math.min(ids.size(), from + RECORDS_CHUNK)))) {
						line.accept(Resources.patient(person, true));
					}
				}
			}
		}
		lines.flush();
	}

	/** The tube as it was known at the export's moment: a result posted later is not there yet. */
	static TubeRecord asOf(TubeRecord tube, Instant at) {
		if (tube.postedAt() == null || !tube.postedAt().isAfter(at)) {
			return tube;
		}
		return new TubeRecord(tube.id(), tube.code(), tube.roundId(), tube.siteId(), tube.siteName(), tube.poolSize(),
				tube.openedAt(), tube.sealedAt(), tube.labId(), tube.labName(), null, null, null, null, null, false,
				tube.sealedAt() == null ? tube.openedAt() : tube.sealedAt(), tube.members());
	}

	static Sampling asOf(Sampling sampling, Instant at) {
		if (sampling.postedAt() == null || !sampling.postedAt().isAfter(at)) {
			return sampling;
		}
		return new Sampling(sampling.sampleId(), sampling.personId(), sampling.roundId(), sampling.tubeCode(),
				sampling.poolSize(), sampling.sampledAt(), sampling.resample(), null, null, null, sampling.sampledAt());
	}
}
