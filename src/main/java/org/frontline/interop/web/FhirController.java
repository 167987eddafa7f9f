package org.frontline.interop.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.frontline.interop.internal.Fhir;
import org.frontline.interop.internal.LabResults;
import org.frontline.interop.internal.Outcomes;
import org.frontline.shared.Message;
import org.frontline.interop.internal.Resources;
import org.frontline.people.Person;
import org.frontline.people.PersonQuery;
import org.frontline.people.Residents;
import org.frontline.shared.Page;
import org.frontline.shared.Problem;
import org.frontline.testing.ResultRecords;
import org.frontline.testing.ResultRecords.Sampling;
import org.frontline.testing.ResultRecords.TubeRecord;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** FHIR R4 reads, searches and lab results in, on the testing and people modules' services. */
@RestController
@RequestMapping("/fhir")
class FhirController extends FhirEndpoint {

	private static final Pattern REPORT = Pattern.compile("round-(\\d{1,18})-person-(\\d{1,18})");

	private static final Pattern SAMPLE = Pattern.compile(Resources.SAMPLE_OBSERVATION + "(\\d{1,18})");

	private static final Pattern TUBE_CODE = Pattern.compile("[A-Za-z0-9-]{1,40}");

	private final ResultRecords records;

	private final Residents residents;

	private final LabResults labResults;

	private final Capabilities capabilities;

	FhirController(Fhir fhir, Outcomes outcomes, ResultRecords records, Residents residents, LabResults labResults,
			Capabilities capabilities) {
		super(fhir, outcomes);
		this.records = records;
		this.residents = residents;
		this.labResults = labResults;
		this.capabilities = capabilities;
	}

	@GetMapping("/metadata")
	ResponseEntity<String> metadata() {
		return answer(200, capabilities.statement(base()));
	}

	@GetMapping("/Patient/{id}")
	ResponseEntity<String> patient(@PathVariable String id) {
		return answer(200, Resources.patient(residents.get(number(id, "Patient")), true));
	}

	@GetMapping("/Patient")
	ResponseEntity<String> patients(@RequestParam(required = false) String identifier,
			@RequestParam(required = false) String name, @RequestParam(name = "_count", required = false) Integer count,
			@RequestParam(name = "_offset", required = false) Integer offset, HttpServletRequest request) {
		int size = SearchParameters.count(count);
		int from = SearchParameters.offset(offset);
		String text = identifier != null ? identifier.substring(identifier.indexOf('|') + 1) : name;
		if (text != null && (text.isBlank() || text.length() > 100)) {
			throw Problem.invalid(identifier != null ? "identifier" : "name", "interop.search.text");
		}
		Page<Person> page = residents.search(new PersonQuery(null, text, null, from / size, size));
		List<Resource> found = page.items().stream().map(p -> (Resource) Resources.patient(p, false)).toList();
		return answer(200, searchset(request, found, page.total(), found.size() == size, from / size * size, size));
	}

	@GetMapping("/Specimen/{id}")
	ResponseEntity<String> specimen(@PathVariable String id) {
		return answer(200, Resources.specimen(tube(id)));
	}

	@GetMapping("/Group/{id}")
	ResponseEntity<String> group(@PathVariable String id) {
		return answer(200, Resources.group(tube(id)));
	}

	@GetMapping("/Specimen")
	ResponseEntity<String> specimens(@RequestParam(name = "_tag", required = false) String tag,
			@RequestParam(required = false) String identifier,
			@RequestParam(name = "_lastUpdated", required = false) String lastUpdated,
			@RequestParam(name = "_count", required = false) Integer count,
			@RequestParam(name = "_offset", required = false) Integer offset, HttpServletRequest request) {
		if (identifier != null) {
			String code = identifier.substring(identifier.indexOf('|') + 1);
			List<Resource> found = TUBE_CODE.matcher(code).matches()
					? records.tube(code).map(t -> List.<Resource>of(Resources.specimen(t))).orElse(List.of()) : List.of();
			return answer(200, searchset(request, found, (long) found.size(), false, 0, found.size()));
		}
		Long round = required(SearchParameters.round(tag), "_tag", "interop.search.specimen");
		int size = SearchParameters.count(count);
		int from = SearchParameters.offset(offset);
		List<TubeRecord> tubes = records.tubes(round, SearchParameters.lastUpdated(lastUpdated), from, size);
		List<Resource> found = tubes.stream().map(t -> (Resource) Resources.specimen(t)).toList();
		return answer(200, searchset(request, found, null, tubes.size() == size, from, size));
	}

	@GetMapping("/Observation/{id}")
	ResponseEntity<String> observation(@PathVariable String id) {
		Matcher sample = SAMPLE.matcher(id);
		if (sample.matches()) {
			Sampling sampling = records.sampling(Long.parseLong(sample.group(1)));
			if (sampling.outcome() == null) {
				throw Problem.notFound("interop.resource.not-found", "Observation", id);
			}
			return answer(200, Resources.personObservation(sampling));
		}
		if (!id.startsWith(Resources.TUBE_OBSERVATION)) {
			throw Problem.notFound("interop.resource.not-found", "Observation", id);
		}
		TubeRecord tube = tube(id.substring(Resources.TUBE_OBSERVATION.length()));
		if (tube.outcome() == null) {
			throw Problem.notFound("interop.resource.not-found", "Observation", id);
		}
		return answer(200, Resources.tubeObservation(tube));
	}

	@GetMapping("/Observation")
	ResponseEntity<String> observations(@RequestParam(required = false) String patient,
			@RequestParam(required = false) String subject, @RequestParam(name = "_tag", required = false) String tag,
			@RequestParam(name = "_lastUpdated", required = false) String lastUpdated,
			@RequestParam(name = "_count", required = false) Integer count,
			@RequestParam(name = "_offset", required = false) Integer offset, HttpServletRequest request) {
		Long person = patient != null ? SearchParameters.patient("patient", patient)
				: SearchParameters.patient("subject", subject);
		Long round = SearchParameters.round(tag);
		Instant since = SearchParameters.lastUpdated(lastUpdated);
		int size = SearchParameters.count(count);
		int from = SearchParameters.offset(offset);
		if (person != null) {
			residents.summary(person);
			List<Resource> found = records.ofPerson(person, round, since)
				.stream()
				.filter(s -> s.outcome() != null)
				.map(s -> (Resource) Resources.personObservation(s))
				.toList();
			return answer(200, page(request, found, from, size));
		}
		required(round, "_tag", "interop.search.observation");
		List<TubeRecord> tubes = records.tubes(round, since, from, size);
		List<Resource> found = tubes.stream()
			.filter(t -> t.outcome() != null)
			.map(t -> (Resource) Resources.tubeObservation(t))
			.toList();
		return answer(200, searchset(request, found, null, tubes.size() == size, from, size));
	}

	@GetMapping("/DiagnosticReport/{id}")
	ResponseEntity<String> report(@PathVariable String id) {
		Matcher matcher = REPORT.matcher(id);
		if (!matcher.matches()) {
			throw Problem.notFound("interop.resource.not-found", "DiagnosticReport", id);
		}
		long round = Long.parseLong(matcher.group(1));
		long person = Long.parseLong(matcher.group(2));
		residents.summary(person);
		List<Sampling> samplings = records.ofPerson(person, round, null);
		if (samplings.isEmpty()) {
			throw Problem.notFound("interop.resource.not-found", "DiagnosticReport", id);
		}
		return answer(200, Resources.report(round, person, samplings));
	}

	@GetMapping("/DiagnosticReport")
	ResponseEntity<String> reports(@RequestParam(required = false) String patient,
			@RequestParam(required = false) String subject, @RequestParam(name = "_tag", required = false) String tag,
			@RequestParam(name = "_lastUpdated", required = false) String lastUpdated,
			@RequestParam(name = "_count", required = false) Integer count,
			@RequestParam(name = "_offset", required = false) Integer offset, HttpServletRequest request) {
		Long person = patient != null ? SearchParameters.patient("patient", patient)
				: SearchParameters.patient("subject", subject);
		Long round = SearchParameters.round(tag);
		Instant since = SearchParameters.lastUpdated(lastUpdated);
		int size = SearchParameters.count(count);
		int from = SearchParameters.offset(offset);
		if (person == null) {
			// A page of the round's people in the caller's area (a report each), as the round's tubes are paged.
			required(round, "_tag", "interop.search.report");
			List<Resource> found = new ArrayList<>();
			List<Sampling> ofOne = new ArrayList<>();
			for (Sampling sampling : records.samplingsOfPeople(round, since, from, size)) {
				if (!ofOne.isEmpty() && ofOne.get(0).personId() != sampling.personId()) {
					found.add(Resources.report(round, ofOne.get(0).personId(), ofOne));
					ofOne = new ArrayList<>();
				}
				ofOne.add(sampling);
			}
			if (!ofOne.isEmpty()) {
				found.add(Resources.report(round, ofOne.get(0).personId(), ofOne));
			}
			return answer(200, searchset(request, found, null, found.size() == size, from, size));
		}
		residents.summary(person);
		Map<Long, List<Sampling>> byRound = new TreeMap<>(Comparator.reverseOrder());
		for (Sampling sampling : records.ofPerson(person, round, null)) {
			byRound.computeIfAbsent(sampling.roundId(), r -> new ArrayList<>()).add(sampling);
		}
		List<Resource> found = byRound.entrySet()
			.stream()
			.map(e -> (Resource) Resources.report(e.getKey(), person, e.getValue()))
			.filter(r -> since == null || !r.getMeta().getLastUpdated().toInstant().isBefore(since))
			.toList();
		return answer(200, page(request, found, from, size));
	}

	/** Lab results as a batch or transaction Bundle of Observations. */
	@PostMapping
	ResponseEntity<String> labResults(@RequestBody(required = false) byte[] body,
			@RequestHeader(name = "Content-Type", required = false) String contentType) {
		if (contentType == null || !contentType.toLowerCase().contains("json")) {
			return answer(415, outcomes.error(415, "unsupported-media-type", Message.of("interop.media-type"), null));
		}
		if (body == null || body.length == 0) {
			throw Problem.invalid("Bundle", "interop.bundle.missing");
		}
		Bundle bundle = fhir.strictParser().parseResource(Bundle.class, new String(body, StandardCharsets.UTF_8));
		return answer(200, labResults.post(bundle));
	}

	/** Anything else under /fhir is not supported: an OperationOutcome, not a page. */
	@RequestMapping("/**")
	ResponseEntity<String> unsupported(HttpServletRequest request) {
		return answer(404, outcomes.error(404, "not-found",
				Message.of("interop.unsupported", request.getMethod(), request.getRequestURI()), null));
	}

	private TubeRecord tube(String code) {
		if (!TUBE_CODE.matcher(code).matches()) {
			throw Problem.notFound("interop.resource.not-found", "Specimen", code);
		}
		return records.tube(code).orElseThrow(() -> Problem.notFound("interop.resource.not-found", "Specimen", code));
	}

	private static long number(String id, String type) {
		if (!id.matches("\\d{1,18}")) {
			throw Problem.notFound("interop.resource.not-found", type, id);
		}
		return Long.parseLong(id);
	}

	private static <T> T required(T value, String field, String message) {
		if (value == null) {
			throw Problem.invalid(field, message);
		}
		return value;
	}

	private Bundle page(HttpServletRequest request, List<Resource> all, int from, int size) {
		List<Resource> page = from >= all.size() ? List.of() : all.subList(from, Math.min(all.size(), from + size));
		return searchset(request, page, (long) all.size(), from + size < all.size(), from, size);
	}

	private Bundle searchset(HttpServletRequest request, List<Resource> resources, Long total, boolean more, int from,
			int size) {
		Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
		if (total != null) {
			bundle.setTotal(total.intValue());
		}
		String self = base() + request.getRequestURI().substring(request.getContextPath().length() + "/fhir".length());
		String query = request.getQueryString() == null ? ""
				: request.getQueryString().replaceAll("(^|&)_offset=[^&]*", "").replaceAll("^&", "");
		bundle.addLink().setRelation("self").setUrl(self + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
		if (more) {
			bundle.addLink().setRelation("next").setUrl(self + "?" + (query.isEmpty() ? "" : query + "&") + "_offset=" + (from + size));
		}
		for (IBaseResource resource : resources) {
			Resource r = (Resource) resource;
			bundle.addEntry()
				.setFullUrl(base() + "/" + r.fhirType() + "/" + r.getIdElement().getIdPart())
				.setResource(r)
				.getSearch()
				.setMode(Bundle.SearchEntryMode.MATCH);
		}
		return bundle;
	}
}
