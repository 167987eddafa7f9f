package org.frontline.command.internal;

import org.frontline.command.Alerts;
import org.frontline.shared.AlertCleared;
import org.frontline.shared.AlertRaised;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Keeps every alert a module raises or clears in the inbox. */
@Component("commandAlertListener")
class AlertListener {

	private final Alerts alerts;

	AlertListener(Alerts alerts) {
		this.alerts = alerts;
	}

	@ApplicationModuleListener
	void on(AlertRaised event) {
		alerts.raised(event);
	}

	@ApplicationModuleListener
	void on(AlertCleared event) {
		alerts.cleared(event);
	}
}
