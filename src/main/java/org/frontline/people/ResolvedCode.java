package org.frontline.people;

/** What a scanned code or ID number stands for: a person, or the reason it stands for nobody. */
public record ResolvedCode(SampledPerson person, CodeRejectedException.Reason reason, String message) {

	public static ResolvedCode of(SampledPerson person) {
		return new ResolvedCode(person, null, null);
	}

	public static ResolvedCode rejected(CodeRejectedException ex) {
		return new ResolvedCode(null, ex.reason(), ex.getMessage());
	}

	/** The person, or the rejection as an exception. */
	public SampledPerson orThrow() {
		if (person == null) {
			throw new CodeRejectedException(reason, message);
		}
		return person;
	}
}
