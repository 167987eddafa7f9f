package org.frontline.interop.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.frontline.people.Person;
import org.frontline.testing.Outcome;
import org.frontline.testing.ResultRecords.Member;
import org.frontline.testing.ResultRecords.Sampling;
import org.frontline.testing.ResultRecords.TubeRecord;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Specimen;
import org.hl7.fhir.r4.model.StringType;

/**
 * Frontline's records as FHIR R4 resources. Ids: {@code Patient/<person id>}, {@code Specimen/<tube code>} and
 * {@code Group/<tube code>} (the tube's people), {@code Observation/tube-<tube code>} (the tube's result),
 * {@code Observation/sample-<sample id>} (what it says about one person in the tube) and
 * {@code DiagnosticReport/round-<round id>-person-<person id>}. Everything of a round is tagged with its id.
 */
public final class Resources {

	public static final String TUBE_OBSERVATION = "tube-";

	public static final String SAMPLE_OBSERVATION = "sample-";

	private Resources() {
	}

	public static String reportId(long roundId, long personId) {
		return "round-" + roundId + "-person-" + personId;
	}

	/** A resident; masked as in lists unless {@code full} (then the read was audited by the registry). */
	public static Patient patient(Person person, boolean full) {
		Patient patient = new Patient();
		patient.setId(Long.toString(person.id()));
		if (!full) {
			patient.setMeta(new Meta().addSecurity(Codes.REDACTED.copy()));
		}
		Identifier identifier = patient.addIdentifier()
			.setUse(Identifier.IdentifierUse.OFFICIAL)
			.setSystem(switch (person.idType()) {
				case RESIDENT_ID -> Codes.RESIDENT_ID;
				case PASSPORT -> Codes.PASSPORT;
				case OTHER -> Codes.OTHER_DOCUMENT;
			})
			.setValue(person.idNumber());
		identifier.getType().setText(switch (person.idType()) {
			case RESIDENT_ID -> "居民身份证";
			case PASSPORT -> "护照";
			case OTHER -> "其他证件";
		});
		patient.setActive(true);
		patient.addName().setText(person.name());
		if (person.sex() != null) {
			patient.setGender(switch (person.sex()) {
				case M -> AdministrativeGender.MALE;
				case F -> AdministrativeGender.FEMALE;
			});
		}
		if (person.birthDate() != null) {
			patient.setBirthDateElement(new DateType(person.birthDate().toString()));
		}
		if (person.phone() != null && !person.phone().isBlank()) {
			patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE)
				.setUse(ContactPoint.ContactPointUse.MOBILE)
				.setValue(person.phone());
		}
		Address address = patient.addAddress().setUse(Address.AddressUse.HOME).setCountry("CN");
		address.setText(person.address() == null ? null : emptyToNull(person.address().text()));
		address.addExtension(Codes.AREA_CODE, new CodeType(person.area()));
		return patient;
	}

	/** A tube: when and where it was collected, and for a pooled tube the R5 {@code combined = pooled}. */
	public static Specimen specimen(TubeRecord tube) {
		Specimen specimen = new Specimen();
		specimen.setId(tube.code());
		specimen.setMeta(meta(tube.roundId(), tube.lastUpdated()));
		specimen.addIdentifier().setSystem(Codes.TUBE).setValue(tube.code());
		specimen.setStatus(tube.outcome() == Outcome.INVALID ? Specimen.SpecimenStatus.UNSATISFACTORY
				: Specimen.SpecimenStatus.AVAILABLE);
		specimen.setType(Codes.concept(Codes.THROAT_SWAB));
		specimen.setSubject(subject(tube));
		if (tube.poolSize() > 1) {
			specimen.addExtension(Codes.SPECIMEN_COMBINED, new CodeType("pooled"));
		}
		specimen.addExtension(Codes.SAMPLING_SITE, new StringType(tube.siteName()));
		List<Member> members = tube.members();
		if (members.size() > 1) {
			specimen.getCollection()
				.setCollected(new Period().setStartElement(dateTime(members.get(0).sampledAt()))
					.setEndElement(dateTime(members.get(members.size() - 1).sampledAt())));
		}
		else {
			specimen.getCollection().setCollected(dateTime(tube.collectedAt()));
		}
		return specimen;
	}

	/** The people pooled in a tube. */
	public static Group group(TubeRecord tube) {
		Group group = new Group();
		group.setId(tube.code());
		group.setMeta(meta(tube.roundId(), tube.lastUpdated()));
		group.addIdentifier().setSystem(Codes.TUBE).setValue(tube.code());
		group.setActive(true);
		group.setType(Group.GroupType.PERSON);
		group.setActual(true);
		group.setName("Tube " + tube.code());
		group.setQuantity(tube.members().size());
		for (Member member : tube.members()) {
			group.addMember().setEntity(new Reference("Patient/" + member.personId()));
		}
		return group;
	}

	/** A tube's SARS-CoV-2 RNA result with its Ct values as components; only for a tube with a result. */
	public static Observation tubeObservation(TubeRecord tube) {
		Observation observation = new Observation();
		observation.setId(TUBE_OBSERVATION + tube.code());
		observation.setMeta(meta(tube.roundId(), tube.lastUpdated()));
		observation.addIdentifier().setSystem(Codes.TUBE).setValue(tube.code());
		observation.setStatus(tube.corrected() ? Observation.ObservationStatus.CORRECTED
				: Observation.ObservationStatus.FINAL);
		observation.addCategory(Codes.concept(Codes.LABORATORY));
		observation.setCode(Codes.concept(Codes.SARS_COV_2_RNA));
		observation.setSubject(subject(tube));
		observation.setSpecimen(new Reference("Specimen/" + tube.code()));
		observation.setEffective(dateTime(tube.collectedAt()));
		observation.setIssuedElement(new InstantType(Date.from(tube.testedAt())));
		if (tube.labName() != null) {
			observation.addPerformer(new Reference().setDisplay(tube.labName()));
		}
		observation.setValue(Codes.concept(switch (tube.outcome()) {
			case NEGATIVE -> Codes.NOT_DETECTED;
			case POSITIVE -> Codes.DETECTED;
			case INVALID -> Codes.INVALID_RESULT;
		}));
		addCt(observation, Codes.ORF1AB_CT, tube.ctOrf1ab());
		addCt(observation, Codes.N_GENE_CT, tube.ctN());
		if (tube.poolSize() > 1) {
			observation.addNote().setText("Result of a pooled tube of " + tube.members().size()
					+ " people; it is not an individual result for any of them.");
		}
		return observation;
	}

	/** What a tube's result says about one person in it, derived from the tube's Observation. */
	public static Observation personObservation(Sampling sampling) {
		Finding finding = Finding.of(sampling);
		Observation observation = new Observation();
		observation.setId(SAMPLE_OBSERVATION + sampling.sampleId());
		observation.setMeta(meta(sampling.roundId(), sampling.lastUpdated()));
		observation.setStatus(Observation.ObservationStatus.FINAL);
		observation.addCategory(Codes.concept(Codes.LABORATORY));
		observation.setCode(Codes.concept(Codes.SARS_COV_2_RNA));
		observation.setSubject(new Reference("Patient/" + sampling.personId()));
		observation.setSpecimen(new Reference("Specimen/" + sampling.tubeCode()));
		observation.addDerivedFrom(new Reference("Observation/" + TUBE_OBSERVATION + sampling.tubeCode()));
		observation.setEffective(dateTime(sampling.sampledAt()));
		observation.setIssuedElement(new InstantType(Date.from(sampling.testedAt())));
		observation.setValue(Codes.concept(finding.codings()));
		if (finding == Finding.POOL_POSITIVE) {
			observation.addNote().setText("The pooled tube tested positive. This is not a positive result for this person: "
					+ "an individual retest is required.");
		}
		else if (finding == Finding.POOL_INVALID) {
			observation.addNote().setText("The pooled tube's result was invalid: an individual retest is required.");
		}
		return observation;
	}

	/** A person's round: their samplings' derived Observations and what they come to. */
	public static DiagnosticReport report(long roundId, long personId, List<Sampling> samplings) {
		Finding finding = Finding.ofRound(samplings);
		DiagnosticReport report = new DiagnosticReport();
		report.setId(reportId(roundId, personId));
		Instant lastUpdated = samplings.stream().map(Sampling::lastUpdated).max(Instant::compareTo).orElseThrow();
		report.setMeta(meta(roundId, lastUpdated));
		report.setStatus(finding == Finding.PENDING ? DiagnosticReport.DiagnosticReportStatus.REGISTERED
				: finding.conclusive() ? DiagnosticReport.DiagnosticReportStatus.FINAL
						: DiagnosticReport.DiagnosticReportStatus.PARTIAL);
		report.addCategory(Codes.concept(Codes.VIROLOGY));
		report.setCode(Codes.concept(Codes.SARS_COV_2_PANEL));
		report.setSubject(new Reference("Patient/" + personId));
		Instant first = samplings.stream().map(Sampling::sampledAt).min(Instant::compareTo).orElseThrow();
		report.setEffective(dateTime(first));
		samplings.stream()
			.map(Sampling::testedAt)
			.filter(java.util.Objects::nonNull)
			.max(Instant::compareTo)
			.ifPresent(issued -> report.setIssuedElement(new InstantType(Date.from(issued))));
		for (Sampling sampling : samplings) {
			report.addSpecimen(new Reference("Specimen/" + sampling.tubeCode()));
			if (sampling.outcome() != null) {
				report.addResult(new Reference("Observation/" + SAMPLE_OBSERVATION + sampling.sampleId()));
			}
		}
		if (finding != Finding.PENDING) {
			report.addConclusionCode(Codes.concept(finding.codings()));
			report.setConclusion(switch (finding) {
				case NEGATIVE, POOL_NEGATIVE -> "Negative";
				case POSITIVE -> "Positive";
				case POOL_POSITIVE -> "Pool positive: individual retest required";
				case POOL_INVALID, INVALID -> "Invalid: retest required";
				case PENDING -> null;
			});
		}
		return report;
	}

	/** The round a resource belongs to, as its tag. */
	static Meta meta(long roundId, Instant lastUpdated) {
		Meta meta = new Meta();
		meta.setLastUpdatedElement(new InstantType(Date.from(lastUpdated)));
		meta.addTag(Codes.ROUND, Long.toString(roundId), null);
		return meta;
	}

	private static Reference subject(TubeRecord tube) {
		if (tube.poolSize() == 1 && tube.members().size() == 1) {
			return new Reference("Patient/" + tube.members().get(0).personId());
		}
		return new Reference("Group/" + tube.code());
	}

	private static void addCt(Observation observation, org.hl7.fhir.r4.model.Coding code, BigDecimal ct) {
		if (ct == null) {
			return;
		}
		observation.addComponent()
			.setCode(Codes.concept(code))
			.setValue(new Quantity().setValue(ct).setUnit("Ct").setSystem(Codes.UCUM).setCode("{Ct}"));
	}

	private static DateTimeType dateTime(Instant at) {
		return new DateTimeType(Date.from(at), ca.uhn.fhir.model.api.TemporalPrecisionEnum.SECOND,
				java.util.TimeZone.getTimeZone("Asia/Shanghai"));
	}

	private static String emptyToNull(String text) {
		return text == null || text.isEmpty() ? null : text;
	}
}
