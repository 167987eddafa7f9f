package org.frontline.shared;

import java.time.Instant;

/**
 * A person a module hands to quarantine (someone with a fever or a positive test in a closed-loop enterprise): the
 * quarantine module plans their arrival at a facility. {@code source} names the module and {@code key} the case
 * there (one arrival per source and key); {@code from} is where they come from, in words, {@code area} its area code,
 * {@code reason} why (FEVER, POSITIVE). Lives here because the quarantine module cannot depend on the modules that
 * hand people over (they depend on testing, which follows quarantine's stays).
 */
public record QuarantineReferral(String source, String key, Long personId, String name, String phone, String from,
		String area, String reason, Instant at) {
}
