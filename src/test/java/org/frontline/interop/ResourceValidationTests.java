package org.frontline.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import org.frontline.interop.internal.Fhir;
import org.frontline.interop.internal.Resources;
import org.frontline.people.Address;
import org.frontline.people.IdType;
import org.frontline.people.Person;
import org.frontline.people.Sex;
import org.frontline.testing.Outcome;
import org.frontline.testing.ResultRecords.Member;
import org.frontline.testing.ResultRecords.Sampling;
import org.frontline.testing.ResultRecords.TubeRecord;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Test;

class ResourceValidationTests {

	private static final Fhir FHIR = new Fhir();

	private static final Instant AT = Instant.parse("2022-04-07T02:15:00Z");

	@Test
	void aPooledTubeItsGroupAndItsResultValidateAgainstBaseR4() {
		TubeRecord tube = pooledTube(Outcome.POSITIVE);
		assertValid(Resources.specimen(tube));
		assertValid(Resources.group(tube));
		assertValid(Resources.tubeObservation(tube));
	}

	@Test
	void derivedObservationsReportsAndPatientsValidateAgainstBaseR4() {
		Sampling pooled = new Sampling(11, 101, 3, "T-0001", 10, AT, false, Outcome.POSITIVE, AT.plusSeconds(7200),
				AT.plusSeconds(7300), AT.plusSeconds(7300));
		Sampling retest = new Sampling(12, 101, 3, "T-0002", 1, AT.plusSeconds(9000), true, Outcome.NEGATIVE,
				AT.plusSeconds(12000), AT.plusSeconds(12100), AT.plusSeconds(12100));
		assertValid(Resources.personObservation(pooled));
		assertValid(Resources.personObservation(retest));
		assertValid(Resources.report(3, 101, List.of(pooled, retest)));
		Person person = new Person(101, "王小明", IdType.RESIDENT_ID, "320602199001011234", "13812345678",
				"320602001001001", new Address("3", "2", "501"), List.of(), LocalDate.of(1990, 1, 1), Sex.M);
		assertValid(Resources.patient(person, true));
		assertValid(Resources.patient(person.masked(), false));
	}

	static TubeRecord pooledTube(Outcome outcome) {
		return new TubeRecord(1, "T-0001", 3, 5, "碧林湾中心广场", 10, AT, AT.plusSeconds(600), 7L, "崇川区核酸检测实验室", outcome,
				new BigDecimal("31.2"), new BigDecimal("30.8"), AT.plusSeconds(7200), AT.plusSeconds(7300), false,
				AT.plusSeconds(7300), List.of(new Member(11, 101, AT, false), new Member(12, 102, AT.plusSeconds(30), false)));
	}

	static void assertValid(IBaseResource resource) {
		ValidationResult result = FHIR.validate(resource);
		List<SingleValidationMessage> errors = result.getMessages()
			.stream()
			.filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
			.toList();
		result.getMessages().forEach(m -> System.out.println(m.getSeverity() + " " + m.getLocationString() + " " + m.getMessage()));
		assertThat(errors).as(FHIR.writer().encodeResourceToString(resource)).isEmpty();
	}
}
