package org.frontline.interop.internal;

import java.util.Map;

import org.frontline.shared.Problem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** OperationOutcomes: Frontline's problems (their stable type and the wrong field) as FHIR issues. */
public final class Outcomes {

	/** Where a problem's stable type goes in an issue's details. */
	public static final String PROBLEM_TYPES = "https://frontline.org/problems";

	private Outcomes() {
	}

	public static OperationOutcome of(Problem problem) {
		OperationOutcome outcome = new OperationOutcome();
		String type = problem.type().toString().substring(problem.type().toString().lastIndexOf('/') + 1);
		IssueType code = code(problem.status().value());
		if (problem.errors().isEmpty()) {
			outcome.addIssue(issue(IssueSeverity.ERROR, code, type, problem.getMessage(), null));
		}
		for (Map<String, Object> error : problem.errors()) {
			outcome.addIssue(issue(IssueSeverity.ERROR, code, type, String.valueOf(error.get("message")),
					String.valueOf(error.get("field"))));
		}
		return outcome;
	}

	public static OperationOutcome error(int status, String type, String message, String expression) {
		return new OperationOutcome().addIssue(issue(IssueSeverity.ERROR, code(status), type, message, expression));
	}

	public static OperationOutcome.OperationOutcomeIssueComponent issue(IssueSeverity severity, IssueType code,
			String type, String message, String expression) {
		OperationOutcome.OperationOutcomeIssueComponent issue = new OperationOutcome.OperationOutcomeIssueComponent()
			.setSeverity(severity)
			.setCode(code)
			.setDiagnostics(message);
		if (type != null) {
			issue.setDetails(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(PROBLEM_TYPES, type, null))
				.setText(message));
		}
		if (expression != null) {
			issue.addExpression(expression);
		}
		return issue;
	}

	/** The issue type that goes with an HTTP status. */
	public static IssueType code(int status) {
		return switch (status) {
			case 401 -> IssueType.LOGIN;
			case 403 -> IssueType.FORBIDDEN;
			case 404, 410 -> IssueType.NOTFOUND;
			case 409, 412 -> IssueType.CONFLICT;
			case 413 -> IssueType.TOOCOSTLY;
			case 415, 406 -> IssueType.NOTSUPPORTED;
			case 422 -> IssueType.BUSINESSRULE;
			case 429, 503 -> IssueType.TRANSIENT;
			default -> status >= 500 ? IssueType.EXCEPTION : IssueType.INVALID;
		};
	}
}
