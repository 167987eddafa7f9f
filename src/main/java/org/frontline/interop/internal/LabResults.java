package org.frontline.interop.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.frontline.shared.Message;
import org.frontline.shared.Problem;
import org.frontline.testing.ResultAnswer;
import org.frontline.testing.ResultBatch;
import org.frontline.testing.ResultItem;
import org.frontline.testing.Results;
import org.frontline.testing.ScanResult;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lab results posted as a FHIR batch or transaction Bundle of Observations, each naming its tube by the Specimen's
 * barcode: turned into the items of {@code POST /api/v1/results} and handed to the testing module's {@link Results},
 * so that the same rules decide and the same answers come back, one OperationOutcome per entry. A transaction is all
 * or nothing: when any entry is refused, nothing is stored.
 */
@Service
public class LabResults {

	/** The stable reasons of the answers, as {@code POST /api/v1/results} gives them. */
	public static final String ANSWERS = "https://frontline.org/fhir/CodeSystem/result-answer";

	/** As many as a JSON batch may carry. */
	static final int MAX_ENTRIES = 1_000;

	private static final Set<String> POSITIVE = Set.of("260373001", "10828004");

	private static final Set<String> NEGATIVE = Set.of("260415000", "260385009");

	private static final Set<String> INVALID = Set.of("455371000124106", "419984006", "125154007");

	private final Results results;

	private final Outcomes outcomes;

	LabResults(Results results, Outcomes outcomes) {
		this.results = results;
		this.outcomes = outcomes;
	}

	/** A transaction that was refused as a whole: nothing was stored; the outcome names every refused entry. */
	public static class TransactionRefused extends RuntimeException {

		private final int status;

		private final transient OperationOutcome outcome;

		TransactionRefused(int status, OperationOutcome outcome) {
			super("The transaction was refused: nothing was stored.");
			this.status = status;
			this.outcome = outcome;
		}

		public int status() {
			return status;
		}

		public OperationOutcome outcome() {
			return outcome;
		}
	}

	private record Entry(ResultItem item, String reason, Message message, String expression) {
	}

	@Transactional
	public Bundle post(Bundle bundle) {
		boolean transaction = bundle.getType() == Bundle.BundleType.TRANSACTION;
		if (!transaction && bundle.getType() != Bundle.BundleType.BATCH) {
			throw Problem.invalid("Bundle.type", "interop.bundle.type");
		}
		List<Entry> entries = new ArrayList<>();
		for (int i = 0; i < bundle.getEntry().size(); i++) {
			entries.add(entry(bundle.getEntry().get(i), "Bundle.entry[" + i + "]"));
		}
		if (entries.isEmpty()) {
			throw Problem.invalid("Bundle.entry", "interop.bundle.empty");
		}
		if (entries.size() > MAX_ENTRIES) {
			throw Problem.invalid("Bundle.entry", "interop.bundle.too-many", MAX_ENTRIES);
		}
		List<ResultItem> items = new ArrayList<>();
		List<Integer> positions = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			if (entries.get(i).item() != null) {
				items.add(entries.get(i).item());
				positions.add(i);
			}
		}
		ResultAnswer[] answers = new ResultAnswer[entries.size()];
		if (!items.isEmpty()) {
			List<ResultAnswer> submitted = results.submit(new ResultBatch(items));
			for (ResultAnswer answer : submitted) {
				answers[positions.get(answer.index())] = answer;
			}
		}
		Bundle response = new Bundle().setType(transaction ? Bundle.BundleType.TRANSACTIONRESPONSE
				: Bundle.BundleType.BATCHRESPONSE);
		OperationOutcome refused = new OperationOutcome();
		int refusedStatus = 0;
		for (int i = 0; i < entries.size(); i++) {
			Entry entry = entries.get(i);
			ResultAnswer answer = answers[i];
			String reason = answer == null ? entry.reason() : answer.reason();
			Message said = answer == null ? entry.message() : answer.message();
			String message = said == null ? null : outcomes.text(said);
			String expression = answer == null ? entry.expression() : "Bundle.entry[" + i + "].resource";
			Bundle.BundleEntryResponseComponent answered = response.addEntry().getResponse();
			OperationOutcome outcome = new OperationOutcome();
			if (answer != null && answer.status() == ScanResult.Status.ACCEPTED) {
				answered.setStatus("201 Created").setLocation(location(answer.tubeCode()));
				outcome.addIssue(Outcomes.issue(IssueSeverity.INFORMATION, IssueType.INFORMATIONAL, null,
						outcomes.text(Message.of("interop.entry.accepted")), null).setDetails(reason("ACCEPTED")));
			}
			else if (answer != null && answer.status() == ScanResult.Status.DUPLICATE) {
				answered.setStatus("200 OK").setLocation(location(answer.tubeCode()));
				outcome.addIssue(Outcomes.issue(IssueSeverity.INFORMATION, IssueType.DUPLICATE, null, message, null)
					.setDetails(reason("DUPLICATE")));
			}
			else {
				int status = status(reason);
				answered.setStatus(status + " " + org.springframework.http.HttpStatus.valueOf(status).getReasonPhrase());
				OperationOutcome.OperationOutcomeIssueComponent issue = Outcomes
					.issue(IssueSeverity.ERROR, Outcomes.code(status), null, message, expression)
					.setDetails(reason(reason));
				outcome.addIssue(issue);
				refused.addIssue(issue.copy());
				refusedStatus = refusedStatus == 0 ? status : refusedStatus;
			}
			answered.setOutcome(outcome);
		}
		if (transaction && refusedStatus != 0) {
			throw new TransactionRefused(refusedStatus, refused);
		}
		return response;
	}

	private static String location(String tubeCode) {
		return "Observation/" + Resources.TUBE_OBSERVATION + tubeCode;
	}

	private static CodeableConcept reason(String reason) {
		return new CodeableConcept().addCoding(new Coding(ANSWERS, reason, null));
	}

	/** The HTTP status of a refused entry by its stable reason. */
	static int status(String reason) {
		return switch (reason) {
			case "INVALID_ITEM" -> 400;
			case "TUBE_UNKNOWN" -> 404;
			case "RESULT_DIFFERS" -> 409;
			default -> 422;
		};
	}

	private static Entry entry(Bundle.BundleEntryComponent entry, String at) {
		Bundle.HTTPVerb method = entry.getRequest().getMethod();
		if (method != Bundle.HTTPVerb.POST && method != Bundle.HTTPVerb.PUT) {
			return invalid(Message.of("interop.entry.method"), at + ".request.method");
		}
		if (!(entry.getResource() instanceof Observation observation)) {
			return invalid(Message.of("interop.entry.resource"), at + ".resource");
		}
		String path = at + ".resource";
		if (!entry.getRequest().getUrl().startsWith("Observation")) {
			return invalid(Message.of("interop.entry.url"), at + ".request.url");
		}
		if (observation.getStatus() != Observation.ObservationStatus.FINAL) {
			return invalid(Message.of("interop.entry.status"), path + ".status");
		}
		if (observation.getCode().getCoding().stream().noneMatch(c -> Codes.LOINC.equals(c.getSystem())
				&& Codes.SARS_COV_2_RNA.getCode().equals(c.getCode()))) {
			return invalid(Message.of("interop.entry.code", Codes.SARS_COV_2_RNA.getDisplay()), path + ".code");
		}
		String tube = tubeCode(observation.getSpecimen());
		if (tube == null) {
			return invalid(Message.of("interop.entry.specimen", Codes.TUBE), path + ".specimen");
		}
		String outcome = observation.getValue() instanceof CodeableConcept concept ? outcome(concept) : null;
		if (outcome == null) {
			return invalid(Message.of("interop.entry.value"), path + ".value");
		}
		BigDecimal orf = null;
		BigDecimal n = null;
		for (int c = 0; c < observation.getComponent().size(); c++) {
			Observation.ObservationComponentComponent component = observation.getComponent().get(c);
			String where = path + ".component[" + c + "]";
			boolean isOrf = loinc(component.getCode(), Codes.ORF1AB_CT.getCode());
			boolean isN = loinc(component.getCode(), Codes.N_GENE_CT.getCode());
			if (!isOrf && !isN) {
				return invalid(Message.of("interop.entry.component"), where + ".code");
			}
			if (!(component.getValue() instanceof Quantity quantity) || quantity.getValue() == null) {
				return invalid(Message.of("interop.entry.ct"), where + ".value");
			}
			if (isOrf) {
				orf = quantity.getValue();
			}
			else {
				n = quantity.getValue();
			}
		}
		String testedAt = observation.hasIssued() ? observation.getIssued().toInstant().toString()
				: observation.hasEffectiveDateTimeType() && observation.getEffectiveDateTimeType().getValue() != null
						? observation.getEffectiveDateTimeType().getValue().toInstant().toString() : null;
		if (testedAt == null) {
			return invalid(Message.of("interop.entry.issued"), path + ".issued");
		}
		return new Entry(new ResultItem(tube, outcome, orf, n, testedAt), null, null, null);
	}

	private static Entry invalid(Message message, String expression) {
		return new Entry(null, "INVALID_ITEM", message, expression);
	}

	private static boolean loinc(CodeableConcept code, String wanted) {
		return code.getCoding().stream().anyMatch(c -> Codes.LOINC.equals(c.getSystem()) && wanted.equals(c.getCode()));
	}

	private static String outcome(CodeableConcept concept) {
		for (Coding coding : concept.getCoding()) {
			if (!Codes.SNOMED.equals(coding.getSystem()) || coding.getCode() == null) {
				continue;
			}
			if (POSITIVE.contains(coding.getCode())) {
				return "POSITIVE";
			}
			if (NEGATIVE.contains(coding.getCode())) {
				return "NEGATIVE";
			}
			if (INVALID.contains(coding.getCode())) {
				return "INVALID";
			}
		}
		return null;
	}

	/** The tube a specimen reference names: by barcode identifier, {@code Specimen/<code>} or a conditional one. */
	static String tubeCode(Reference specimen) {
		if (specimen.hasIdentifier() && Codes.TUBE.equals(specimen.getIdentifier().getSystem())) {
			return blankToNull(specimen.getIdentifier().getValue());
		}
		String reference = specimen.getReference();
		if (reference == null) {
			return null;
		}
		if (reference.startsWith("Specimen/")) {
			return blankToNull(reference.substring("Specimen/".length()));
		}
		String conditional = "Specimen?identifier=" + Codes.TUBE + "|";
		if (reference.startsWith(conditional)) {
			return blankToNull(java.net.URLDecoder.decode(reference.substring(conditional.length()),
					java.nio.charset.StandardCharsets.UTF_8));
		}
		return null;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
