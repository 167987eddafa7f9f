package org.frontline.interop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.frontline.people.Address;
import org.frontline.people.IdType;
import org.frontline.people.Person;
import org.frontline.people.Sex;
import org.frontline.testing.Outcome;
import org.frontline.testing.ResultRecords.Member;
import org.frontline.testing.ResultRecords.Sampling;
import org.frontline.testing.ResultRecords.TubeRecord;
import org.hl7.fhir.r4.formats.JsonCreatorDirect;
import org.hl7.fhir.r4.formats.JsonParser;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.utilities.Utilities;
import org.junit.jupiter.api.Test;

class NdjsonLinesTests {

	private static final Instant AT = Instant.parse("2022-04-02T01:00:00Z");

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void everyKindOfExportedResourceIsWrittenAsTheSameJsonAsHapisParserWritesOnOneLineEach() throws Exception {
		List<Member> members = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			members.add(new Member(1000 + i, 5000 + i, AT.plusSeconds(i * 30L), i == 3));
		}
		// Names as they may come from the database: quotes, a backslash, a tab, a control character, an emoji.
		TubeRecord pooled = new TubeRecord(1, "T2022040200001", 2, 3, "碧林湾 \"东门\" \\ 采样点\t\u0001😷\u3000\u00a0\r\n", 10, AT,
				AT.plusSeconds(600), 1L, "检测实验室", Outcome.POSITIVE, new BigDecimal("31.20"), new BigDecimal("29.5"),
				AT.plusSeconds(7200), AT.plusSeconds(7300), true, AT.plusSeconds(7300), members);
		TubeRecord single = new TubeRecord(2, "T2022040200002", 2, 3, "采样点", 1, AT, null, null, null, null, null, null,
				null, null, false, AT, List.of(members.get(0)));
		Sampling positivePool = new Sampling(1000, 5000, 2, pooled.code(), 10, AT, false, Outcome.POSITIVE,
				AT.plusSeconds(7200), AT.plusSeconds(7300), AT.plusSeconds(7300));
		Sampling retest = new Sampling(1010, 5000, 2, single.code(), 1, AT.plusSeconds(9000), true, Outcome.NEGATIVE,
				AT.plusSeconds(12000), AT.plusSeconds(12100), AT.plusSeconds(12100));
		Sampling pending = new Sampling(1011, 5001, 2, single.code(), 1, AT.plusSeconds(9000), false, null, null, null,
				AT.plusSeconds(9000));
		Person person = new Person(5000, "王\"小明\"", IdType.RESIDENT_ID, "11010519491231002X", "13800000000",
				"320602001001", new Address("3", "2", "501"), List.of(), LocalDate.of(1980, 1, 2), Sex.M);
		Person bare = new Person(5001, "李四", IdType.PASSPORT, "E12345678", null, "320602001001", null, List.of(), null,
				null);
		List<Resource> resources = List.of(Resources.patient(person, true), Resources.patient(person.masked(), false),
				Resources.patient(bare, true), Resources.specimen(pooled), Resources.specimen(single),
				Resources.group(pooled), Resources.tubeObservation(pooled), Resources.personObservation(positivePool),
				Resources.personObservation(retest), Resources.report(2, 5000, List.of(positivePool, retest)),
				Resources.report(2, 5001, List.of(pending)));

		StringWriter out = new StringWriter();
		NdjsonLines lines = new NdjsonLines(out);
		resources.forEach(lines::write);
		lines.flush();

		List<String> written = out.toString().lines().toList();
		assertThat(written).hasSize(resources.size());
		assertThat(out.toString()).endsWith("\n");
		Fhir fhir = new Fhir();
		for (int i = 0; i < resources.size(); i++) {
			String hapi = fhir.writer().encodeResourceToString(resources.get(i));
			assertThat(written.get(i)).startsWith("{\"resourceType\":\"" + resources.get(i).fhirType() + "\"");
			assertThat(JSON.readTree(written.get(i))).as(written.get(i)).isEqualTo(JSON.readTree(hapi));
			assertThat(written.get(i)).as("the core library's own writer's bytes").isEqualTo(stock(resources.get(i)));
		}
	}

	@Test
	void everyUtf16CodeUnitIsEscapedAsTheCoreLibraryEscapesIt() {
		List<String> differing = new ArrayList<>();
		for (int c = 0; c <= 0xFFFF; c++) {
			String value = "a" + (char) c + "\"b\u3000" + (char) c;
			StringBuilder escaped = new StringBuilder();
			NdjsonLines.Creator.escape(value, escaped);
			if (!escaped.toString().equals(Utilities.escapeJson(value))) {
				differing.add(Integer.toHexString(c));
			}
		}
		assertThat(differing).isEmpty();
	}

	/** The line the core library's composer writes with its own direct writer. */
	private static String stock(Resource resource) throws Exception {
		StringWriter out = new StringWriter();
		JsonCreatorDirect json = new JsonCreatorDirect(out);
		json.beginObject();
		new JsonParser().compose(json, resource);
		json.endObject();
		return out.toString();
	}
}
