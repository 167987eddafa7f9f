package org.frontline.enterprise.internal;

import org.frontline.enterprise.LoopTesting;
import org.frontline.testing.PositiveConfirmed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A positive result of someone in a closed loop is an exception of the loop, like a fever the liaison reports. */
@Component
class PositiveResults {

	private final LoopTesting testing;

	PositiveResults(LoopTesting testing) {
		this.testing = testing;
	}

	@ApplicationModuleListener
	void on(PositiveConfirmed positive) {
		testing.positiveResult(positive.personId());
	}
}
