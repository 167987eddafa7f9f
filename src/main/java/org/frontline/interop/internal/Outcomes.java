package org.frontline.interop.internal;

import org.frontline.shared.Message;
import org.frontline.shared.Problem;
import org.frontline.shared.web.Texts;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.stereotype.Component;

/**
 * OperationOutcomes: Frontline's problems as FHIR issues in the reader's language, the problem's stable type in the
 * issue's details and the wrong field as its expression.
 */
@Component
public class Outcomes {

	/** Where a problem's stable type goes in an issue's details. */
	public static final String PROBLEM_TYPES = "https://frontline.org/problems";

	private final Texts texts;

	Outcomes(Texts texts) {
		this.texts = texts;
	}

	public OperationOutcome of(Problem problem) {
		OperationOutcome outcome = new OperationOutcome();
		IssueType code = code(problem.status().value());
		if (problem.errors().isEmpty()) {
			outcome.addIssue(issue(IssueSeverity.ERROR, code, problem.slug(), texts.text(problem), null));
		}
		for (Problem.FieldError error : problem.errors()) {
			outcome.addIssue(issue(IssueSeverity.ERROR, code, problem.slug(), texts.text(error.message()),
					error.field()));
		}
		return outcome;
	}

	public OperationOutcome error(int status, String type, Message message, String expression) {
		return new OperationOutcome().addIssue(issue(IssueSeverity.ERROR, code(status), type, text(message), expression));
	}

	public String text(Message message) {
		return texts.text(message);
	}

	public static OperationOutcome.OperationOutcomeIssueComponent issue(IssueSeverity severity, IssueType code,
			String type, String message, String expression) {
		OperationOutcome.OperationOutcomeIssueComponent issue = new OperationOutcome.OperationOutcomeIssueComponent()
			.setSeverity(severity)
			.setCode(code)
			.setDiagnostics(message);
		if (type != null) {
			issue.setDetails(new CodeableConcept().addCoding(new Coding(PROBLEM_TYPES, type, null)).setText(message));
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
			case 415, 406, 405 -> IssueType.NOTSUPPORTED;
			case 422 -> IssueType.BUSINESSRULE;
			case 429, 503 -> IssueType.TRANSIENT;
			default -> status >= 500 ? IssueType.EXCEPTION : IssueType.INVALID;
		};
	}
}
